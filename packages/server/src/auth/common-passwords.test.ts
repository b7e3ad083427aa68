import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords';

describe('the common-password list', () => {
  it('holds the 100,000 most used, from the first to the last, in lower case, and no more', () => {
    expect(isCommonPassword('123456')).toBe(true);
    expect(isCommonPassword('constitution')).toBe(true); // 95,695th
    expect(isCommonPassword('degenerationx')).toBe(true); // 95,439th
    expect(isCommonPassword('zaqxswcdevfr')).toBe(false); // 100,537th
    expect(isCommonPassword('lantern orchard sleeve')).toBe(false);
  });
});
