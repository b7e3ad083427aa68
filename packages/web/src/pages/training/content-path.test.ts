import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import cy from '../../i18n/cy.json';
import en from '../../i18n/en.json';
import { whereIs } from './content-path';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: en }, cy: { translation: cy } }, interpolation: { escapeValue: false } });
});

describe('a refused box of a course, named by its place', () => {
  it('says which module, question and answer, and which language, as the author sees them', () => {
    const t = i18n.getFixedT('en');
    expect(whereIs('content.title.cy', t)).toBe('Title (Welsh)');
    expect(whereIs('content.modules.0.body.cy', t)).toBe('Module 1, Text (Welsh)');
    expect(whereIs('content.modules.3.id', t)).toBe('Module 4, Id');
    expect(whereIs('content.questions.2.options.1.feedback.en', t)).toBe('Question 3, answer 2, Feedback (English)');
    expect(whereIs('content.questions.0.options', t)).toBe('Question 1, Answer');
    expect(whereIs('content.questionsPerAttempt', t)).toBe('Questions in each quiz');
    expect(whereIs('slug', t)).toBe('Short name');
  });

  it('in Welsh for a Welsh author', () => {
    expect(whereIs('content.questions.2.scenario.cy', i18n.getFixedT('cy'))).toBe('Cwestiwn 3, Senario (dewisol) (Cymraeg)');
  });
});
