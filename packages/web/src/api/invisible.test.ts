import { describe, expect, it } from 'vitest';
import { showInvisible as core } from '../../../core/src/text/invisible';
import { showInvisible, withInvisibleShown } from './invisible';

describe("the web's copy of showInvisible", () => {
  it('treats every character of the basic plane as core does', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      if (showInvisible(c) !== core(c)) expect(`U+${code.toString(16)}`).toBe('the same in web and core');
    }
  });

  it('reaches every string of an answer, however deep, and leaves numbers and keys alone', () => {
    expect(withInvisibleShown({ persons: [{ givenName: 'An\u202Ena', age: 3 }], 'k\u202E': null })).toEqual({
      persons: [{ givenName: 'An[U+202E]na', age: 3 }],
      'k\u202E': null,
    });
  });
});
