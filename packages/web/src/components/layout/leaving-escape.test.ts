import { describe, expect, it } from 'vitest';
import { isLeavingEscape } from './leaving-escape';

const press = (key: string, target: { tagName?: string; type?: string; isContentEditable?: boolean } | null, defaultPrevented = false) =>
  isLeavingEscape({ key, defaultPrevented, target: target as EventTarget | null });

describe('the Escape key and quick exit', () => {
  it('leaves from the page, a button, a link, a checkbox or a radio', () => {
    expect(press('Escape', null)).toBe(true);
    expect(press('Escape', { tagName: 'BODY' })).toBe(true);
    expect(press('Escape', { tagName: 'H1' })).toBe(true);
    expect(press('Escape', { tagName: 'BUTTON' })).toBe(true);
    expect(press('Escape', { tagName: 'A' })).toBe(true);
    for (const type of ['checkbox', 'radio', 'submit', 'button']) expect(press('Escape', { tagName: 'INPUT', type }), type).toBe(true);
  });

  it('does not leave, losing what was written, when it closes something: a text box, a list, an editor, or what handled it', () => {
    expect(press('Escape', { tagName: 'TEXTAREA' })).toBe(false);
    expect(press('Escape', { tagName: 'SELECT' })).toBe(false);
    expect(press('Escape', { tagName: 'DIV', isContentEditable: true })).toBe(false);
    for (const type of ['text', 'tel', 'email', 'search', 'password', 'number', 'date']) expect(press('Escape', { tagName: 'INPUT', type }), type).toBe(false);
    expect(press('Escape', { tagName: 'BODY' }, true)).toBe(false);
  });

  it('only Escape leaves', () => {
    for (const key of ['Enter', 'Esc ', 'q', 'Backspace']) expect(press(key, { tagName: 'BODY' }), key).toBe(false);
  });
});
