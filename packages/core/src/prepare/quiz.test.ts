import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { courseContentSchema } from '@harbour/contract';
import { Random } from '../seed/random';
import { drawQuestions, markAttempt } from './quiz';

const question = (id: string, correct: number[], options = 4) => ({
  id,
  options: Array.from({ length: options }, (_, i) => ({ correct: correct.includes(i) })),
});

describe('a quiz', () => {
  it('draws questions afresh, each once, those not asked last time first', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 30 }), fc.nat(40), fc.string(), fc.nat(30), (pool, count, seed, lastCount) => {
        const last = pool.slice(0, lastCount);
        const drawn = drawQuestions(pool, count, new Random(seed), last);
        expect(drawn).toHaveLength(Math.min(count, pool.length));
        expect(new Set(drawn).size).toBe(drawn.length);
        for (const id of drawn) expect(pool).toContain(id);
        // None asked last time while one not asked waits undrawn.
        const unseen = pool.filter((id) => !last.includes(id));
        const drawnUnseen = drawn.filter((id) => !last.includes(id)).length;
        expect(drawnUnseen).toBe(Math.min(unseen.length, drawn.length));
      }),
    );
  });

  it('asks a retake other questions when the course has enough, and in another order when it has not', () => {
    const pool = Array.from({ length: 12 }, (_, i) => `q${i}`);
    const first = drawQuestions(pool, 6, new Random('first'));
    const retake = drawQuestions(pool, 6, new Random('retake'), first);
    expect(retake.filter((id) => first.includes(id))).toEqual([]);
    const small = pool.slice(0, 6);
    const orders = new Set(Array.from({ length: 10 }, (_, i) => drawQuestions(small, 6, new Random(i), small).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('marks each question right only when a right answer was chosen; unanswered or out of range is wrong', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 2, max: 6 }), fc.nat(), fc.option(fc.integer({ min: -2, max: 8 }), { nil: null })), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.integer({ min: 1, max: 100 }),
        (spec, passMark) => {
          const questions = spec.map(([n, right], i) => question(`q${i}`, [right % n], n));
          const answers = Object.fromEntries(spec.map(([, , chosen], i) => [`q${i}`, chosen]));
          const marked = markAttempt(questions, answers, passMark);
          const expected = spec.filter(([n, right, chosen]) => chosen === right % n).length;
          expect(marked.score).toBe(expected);
          expect(marked.total).toBe(spec.length);
          expect(marked.passed).toBe(expected * 100 >= passMark * spec.length);
          for (const q of marked.questions) if (q.chosen !== null) expect(q.chosen).toBeLessThan(questions.find((x) => x.id === q.questionId)!.options.length);
        },
      ),
    );
  });

  it('passes at the mark exactly, not a hair below; a question with two right answers takes either', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((id) => question(id, [0]));
    expect(markAttempt(five, { a: 0, b: 0, c: 0, d: 0, e: 1 }, 80)).toMatchObject({ score: 4, percent: 80, passed: true });
    const three = ['a', 'b', 'c'].map((id) => question(id, [0]));
    // 2 of 3 is 66.67 %: not a pass at 67.
    expect(markAttempt(three, { a: 0, b: 0, c: 2 }, 67)).toMatchObject({ percent: 66, passed: false });
    expect(markAttempt([question('both', [1, 3])], { both: 3 }, 100).passed).toBe(true);
    expect(markAttempt([], {}, 1).passed).toBe(false);
  });
});

describe('a course as written by the team', () => {
  const words = (en: string) => ({ en, cy: `${en} (cy)` });
  const valid = {
    title: words('Spotting exploitation'),
    summary: words('The signs, and what to do.'),
    modules: [{ id: 'three-steps', title: words('Act, Means, Purpose'), body: words('# The three steps\n\nAct, means, purpose.') }],
    questions: [
      {
        id: 'child-means',
        prompt: words('Must the means be shown for a child?'),
        options: [
          { text: words('Yes'), correct: false, feedback: words('No: for a child, means are not needed.') },
          { text: words('No'), correct: true, feedback: words('Right: act and purpose are enough.') },
        ],
      },
    ],
    passMark: 80,
    questionsPerAttempt: 1,
    refresherMonths: 24,
  };

  it('is taken whole when every text is in English and Welsh', () => {
    expect(courseContentSchema.parse(valid).modules[0]!.id).toBe('three-steps');
  });

  it('is refused with each problem named where it is', () => {
    const problems = (content: unknown) => courseContentSchema.safeParse(content).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(problems({ ...valid, title: { en: 'Only English', cy: ' ' } })).toEqual(['title.cy: Write it in Welsh']);
    const noRight = { ...valid.questions[0]!, options: valid.questions[0]!.options.map((o) => ({ ...o, correct: false })) };
    expect(problems({ ...valid, questions: [noRight] })).toEqual(['questions.0.options: Mark at least one answer as right']);
    expect(problems({ ...valid, questionsPerAttempt: 2 })).toEqual(['questionsPerAttempt: A quiz cannot ask more questions than the course has']);
    expect(problems({ ...valid, modules: [valid.modules[0], valid.modules[0]] })).toEqual(['modules: Two modules have the same id']);
    expect(problems({ ...valid, modules: [{ ...valid.modules[0], id: 'Not An Id' }] })).toEqual([
      'modules.0.id: Use lower-case letters, digits and hyphens, up to 60',
    ]);
    // A malformed course still says everything it can, not only the first thing wrong.
    expect(problems({ ...valid, passMark: 0, questions: 'none' }).length).toBe(2);
  });
});
