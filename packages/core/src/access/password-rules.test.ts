import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH, identityParts, passwordProblem } from './password-rules';

const holder = { email: 'ds.carys-jones@gwent.police.example', displayName: 'DS Carys Jones' };
const list = new Set(['password', 'liverpool', 'qwertyuiop', 'iloveyou']);
const isCommon = (lower: string) => list.has(lower);
const reason = (password: string) => passwordProblem(password, holder, isCommon)?.reason ?? null;

describe('a new password', () => {
  it('is long enough, not common, and not made of the holder’s name or email', () => {
    expect(reason('short')).toBe('too_short');
    expect(reason('x'.repeat(201))).toBe('too_long');
    expect(reason('QwertyUiop')).toBe('too_short');
    expect(reason('qwertyuiop12')).toBe('common_password');
    expect(reason('Liverpool2026!')).toBe('common_password');
    expect(reason('!!2026Password')).toBe('common_password');
    expect(reason('aaaaaaaaaaaaaaaa')).toBe('common_password');
    expect(reason('abcabcabcabc')).toBe('common_password');
    expect(reason('carys-loves-tea-2026')).toBe('password_has_identity');
    expect(reason('JONES horse battery')).toBe('password_has_identity');
    expect(reason('gwent lantern orchard')).toBe('password_has_identity');
    expect(reason('lantern orchard sleeve')).toBeNull();
    expect(passwordProblem('password1234', holder, isCommon, 'newPassword')?.path).toBe('newPassword');
  });

  it('counts characters, not UTF-16 units, so twelve emoji are twelve', () => {
    expect(reason('🐉'.repeat(6))).toBe('too_short');
    expect(reason('🐉🌊🍵🔥🎈🧭🪁🦉🌵🍄🧩🎻')).toBeNull();
  });

  it('takes only parts of the name and email long enough to mean something', () => {
    expect(identityParts({ email: 'pc.jo@x.example', displayName: 'PC Jo Li' })).toEqual(['pc.jo']);
    expect(identityParts(holder)).toEqual(expect.arrayContaining(['ds.carys-jones', 'carys', 'jones', 'gwent']));
  });

  it('refuses every password shorter than the minimum and every one holding the holder’s surname', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', 'é', 'ß', '文', '🐉', 'ش'), { maxLength: PASSWORD_MIN_LENGTH - 1 }), (p) => {
        expect(reason(p.join(''))).toBe('too_short');
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.constantFrom('jones', 'JONES', 'Jones'), (before, after, name) => {
        const problem = reason(`${before}${name}${after}xxxxxxx`);
        expect(problem === 'password_has_identity' || problem === 'too_long' || problem === 'common_password').toBe(true);
      }),
    );
  });

  it('accepts long random passwords nobody has used', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 16, maxLength: 60, unit: fc.constantFrom(...'bdfhkmqvwxz2345789#%&*') }), (p) => {
        fc.pre(!/^(.{1,3})\1+$/.test(p));
        expect(reason(p)).toBeNull();
      }),
    );
  });
});
