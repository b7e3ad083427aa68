import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKeptQuiz } from './kept-quiz';

const attempt = {
  id: '5b0c7a2e-2f3f-4c55-9a36-0f8f2b1c9d10',
  courseId: 'c3a8f0a4-4d0e-4a8e-9a66-2b5d0b7f5e21',
  version: 1,
  questions: [
    { id: 'q1', prompt: { en: 'One?', cy: 'Un?' }, options: [{ text: { en: 'a', cy: 'a' } }, { text: { en: 'b', cy: 'b' } }] },
    { id: 'q2', prompt: { en: 'Two?', cy: 'Dau?' }, options: [{ text: { en: 'a', cy: 'a' } }, { text: { en: 'b', cy: 'b' } }, { text: { en: 'c', cy: 'c' } }] },
  ],
};

describe('a kept quiz read back', () => {
  it('takes back answers to the questions asked, each an answer there is', () => {
    expect(isKeptQuiz({ attempt, answers: {} })).toBe(true);
    expect(isKeptQuiz({ attempt, answers: { q1: 1, q2: 2 } })).toBe(true);
  });

  it('refuses an answer to a question not asked, or an option the question does not have', () => {
    expect(isKeptQuiz({ attempt, answers: { q3: 0 } })).toBe(false);
    expect(isKeptQuiz({ attempt, answers: { q1: 2 } })).toBe(false);
    expect(isKeptQuiz({ attempt, answers: { q2: -1 } })).toBe(false);
    expect(isKeptQuiz({ attempt, answers: { q2: 1.5 } })).toBe(false);
  });

  it('refuses anything else, whatever it is, without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const shaped = typeof value === 'object' && value !== null && 'attempt' in value;
        if (!shaped) expect(isKeptQuiz(value)).toBe(false);
        else isKeptQuiz(value);
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 3 }), fc.anything()), (answers) => {
        const ok = Object.entries(answers).every(
          ([id, v]) => (id === 'q1' || id === 'q2') && Number.isInteger(v) && (v as number) >= 0 && (v as number) < (id === 'q1' ? 2 : 3),
        );
        expect(isKeptQuiz({ attempt, answers })).toBe(ok);
      }),
    );
  });
});
