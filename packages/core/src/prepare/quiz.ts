import type { Random } from '../seed/random';

/** What a colleague chose for one question: the option's index, or null for no answer. */
export type QuizAnswers = Readonly<Record<string, number | null | undefined>>;

export interface MarkedQuestion {
  readonly questionId: string;
  readonly chosen: number | null;
  readonly right: boolean;
  /** Every option that would have been right. */
  readonly rightOptions: readonly number[];
}

export interface MarkedAttempt {
  readonly score: number;
  readonly total: number;
  /** The score as a whole percentage, rounded down: 79.9 % does not pass a mark of 80. */
  readonly percent: number;
  readonly passed: boolean;
  readonly questions: readonly MarkedQuestion[];
}

/**
 * The questions of an attempt: `count` of the pool, chosen afresh each time, those the colleague
 * was not asked last time first, so a retake is not the same quiz again when the pool allows.
 */
export function drawQuestions(pool: readonly string[], count: number, random: Random, askedLastTime: readonly string[] = []): string[] {
  const last = new Set(askedLastTime);
  const unseen = shuffled(
    pool.filter((id) => !last.has(id)),
    random,
  );
  const seen = shuffled(
    pool.filter((id) => last.has(id)),
    random,
  );
  return [...unseen, ...seen].slice(0, Math.max(0, Math.min(count, pool.length)));
}

/**
 * Marks an attempt: a question is right when the option chosen is one marked correct; a question
 * left unanswered is wrong. Passed when the percentage reaches the pass mark.
 */
export function markAttempt(
  questions: readonly { readonly id: string; readonly options: readonly { readonly correct: boolean }[] }[],
  answers: QuizAnswers,
  passMark: number,
): MarkedAttempt {
  const marked = questions.map((q): MarkedQuestion => {
    const given = answers[q.id];
    const chosen = typeof given === 'number' && Number.isInteger(given) && given >= 0 && given < q.options.length ? given : null;
    const rightOptions = q.options.flatMap((o, i) => (o.correct ? [i] : []));
    return { questionId: q.id, chosen, right: chosen !== null && rightOptions.includes(chosen), rightOptions };
  });
  const score = marked.filter((m) => m.right).length;
  const total = marked.length;
  const percent = total === 0 ? 0 : Math.floor((score * 100) / total);
  return { score, total, percent, passed: total > 0 && percent >= passMark, questions: marked };
}

/** Fisher–Yates, from the given source of randomness so a test can repeat it. */
function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
