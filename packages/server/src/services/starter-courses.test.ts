import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStarterCourses } from './starter-courses';

const courses = readStarterCourses();
const everyText = (value: unknown, language: 'en' | 'cy'): string[] => {
  if (Array.isArray(value)) return value.flatMap((v) => everyText(v, language));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record['en'] === 'string' && typeof record['cy'] === 'string') return [record[language] as string];
  return Object.values(record).flatMap((v) => everyText(v, language));
};

/** The numbers a colleague may pass on to a frightened person: each must be exactly right. */
const HELPLINES = ['999', '101', '0800 555 111', '08000 121 700'];

describe('the starter courses', () => {
  it('cover what the issue asks of them, each a valid course', () => {
    expect(courses.map((c) => c.slug)).toEqual(['spotting-exploitation', 'first-response', 'partners-and-harbour']);
    const modules = courses.flatMap((c) => c.content.modules.map((m) => m.id));
    for (const topic of [
      'three-steps',
      'sexual-exploitation',
      'labour-exploitation',
      'criminal-exploitation',
      'domestic-servitude',
      'barriers-to-disclosure',
      'trauma-informed-response',
      'nrm-and-duty-to-notify',
      'section-45',
      'working-with-partners',
      'recording-and-referring',
    ])
      expect(modules).toContain(topic);
    const all = courses.map((c) => everyText(c.content, 'en').join('\n')).join('\n');
    for (const words of ['county line', 'Cuckooing', 'interpreter', 'Duty to Notify', 'consent', 'Section 45', 'Harbour']) expect(all).toContain(words);
  });

  it('are written in Welsh as well as English, never the English copied across', () => {
    for (const course of courses) {
      const en = everyText(course.content, 'en');
      const cy = everyText(course.content, 'cy');
      expect(cy).toHaveLength(en.length);
      // Only a phone number or a council's name may read the same in both.
      const same = en.filter((text, i) => text === cy[i] && !/^[\d ]+$/.test(text) && text !== 'Blaenau Gwent');
      expect(same, course.slug).toEqual([]);
    }
  });

  it('give each question one right answer, and a quiz that can be passed and failed', () => {
    for (const { slug, content } of courses) {
      for (const q of content.questions)
        expect(
          q.options.filter((o) => o.correct),
          `${slug} ${q.id}`,
        ).toHaveLength(1);
      const needed = Math.ceil((content.passMark / 100) * content.questionsPerAttempt);
      expect(needed, slug).toBeGreaterThan(0);
      expect(needed, slug).toBeLessThanOrEqual(content.questionsPerAttempt);
      expect(content.questions.length, slug).toBeGreaterThan(content.questionsPerAttempt);
    }
  });

  it('give the helplines exactly, in both languages', () => {
    for (const language of ['en', 'cy'] as const) {
      const text = courses.flatMap((c) => everyText(c.content, language)).join('\n');
      // Every run of digits that looks like a UK phone number is one of the helplines.
      const numbers = text.match(/\b0\d{3,4}(?: \d{3}){2}\b/g) ?? [];
      expect(numbers.length).toBeGreaterThan(0);
      for (const n of numbers) expect(HELPLINES).toContain(n);
      for (const n of HELPLINES) expect(text, `${language} ${n}`).toContain(n);
    }
  });

  it('refuse a course with a module not written in Welsh, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'harbour-courses-'));
    const folder = join(dir, 'half-written');
    mkdirSync(join(folder, 'modules'), { recursive: true });
    const text = { en: 'x', cy: 'y' };
    const option = (correct: boolean) => ({ text, correct, feedback: text });
    writeFileSync(
      join(folder, 'course.json'),
      JSON.stringify({
        slug: 'half-written',
        title: text,
        summary: text,
        passMark: 50,
        questionsPerAttempt: 1,
        refresherMonths: 12,
        modules: [{ id: 'one', title: text }],
        questions: [{ id: 'q', prompt: text, options: [option(true), option(false)] }],
      }),
    );
    writeFileSync(join(folder, 'modules', 'one.en.md'), 'Words');
    expect(() => readStarterCourses(dir)).toThrow(/no Welsh text for module one/);
    writeFileSync(join(folder, 'modules', 'one.cy.md'), '');
    expect(() => readStarterCourses(dir)).toThrow(/modules\.0\.body\.cy: Write it in Welsh/);
  });
});
