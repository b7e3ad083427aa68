import type { AttemptView } from '@harbour/contract';

/**
 * A quiz under way, kept in this tab's sessionStorage as each answer is chosen, so that a lost
 * connection, a reload or a call taken mid-quiz loses no answer: an officer on shift takes it
 * between jobs. Kept per colleague and course; gone when the answers are marked or they sign out.
 */
export interface KeptQuiz {
  attempt: AttemptView;
  /** Each question's id to the index of the answer chosen. */
  answers: Record<string, number>;
}

const PREFIX = 'harbour.quiz.';
const keyOf = (userId: string, courseId: string) => `${PREFIX}${userId}.${courseId}`;

/** The quiz this tab kept for the colleague and course, if it has the shape of one. */
export function loadQuiz(userId: string, courseId: string): KeptQuiz | null {
  try {
    const kept: unknown = JSON.parse(window.sessionStorage.getItem(keyOf(userId, courseId)) ?? 'null');
    return isKeptQuiz(kept) && kept.attempt.courseId === courseId ? kept : null;
  } catch {
    return null;
  }
}

export function keepQuiz(userId: string, quiz: KeptQuiz): void {
  try {
    window.sessionStorage.setItem(keyOf(userId, quiz.attempt.courseId), JSON.stringify(quiz));
  } catch {
    // Storage refused (private browsing, full): the quiz still works, only a reload would lose it.
  }
}

export function forgetQuiz(userId: string, courseId: string): void {
  window.sessionStorage.removeItem(keyOf(userId, courseId));
}

/** Every kept quiz, on signing out: the next person to use the tab starts clean. */
export function forgetAllQuizzes(): void {
  const keys = Array.from({ length: window.sessionStorage.length }, (_, i) => window.sessionStorage.key(i));
  for (const key of keys) if (key?.startsWith(PREFIX)) window.sessionStorage.removeItem(key);
}

/** Only what the quiz page itself could have written is taken back: answers to questions asked, each an option there is. */
export function isKeptQuiz(value: unknown): value is KeptQuiz {
  if (typeof value !== 'object' || value === null) return false;
  const { attempt, answers } = value as Partial<KeptQuiz>;
  if (typeof attempt !== 'object' || attempt === null || typeof attempt.id !== 'string' || typeof attempt.courseId !== 'string') return false;
  if (!Array.isArray(attempt.questions) || typeof answers !== 'object' || answers === null) return false;
  const options = new Map<unknown, number>(attempt.questions.map((q) => [q?.id, Array.isArray(q?.options) ? q.options.length : 0]));
  return Object.entries(answers).every(([id, chosen]) => Number.isInteger(chosen) && chosen >= 0 && chosen < (options.get(id) ?? 0));
}
