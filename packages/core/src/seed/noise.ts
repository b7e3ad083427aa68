import type { NameForm, NationalityNames } from './names';
import type { Random } from './random';

/** Ways real records differ from the truth: typos, other spellings, nicknames, order swaps, script. */
export function noisyName(rng: Random, names: NationalityNames, given: NameForm, family: NameForm): { given: string | null; family: string | null } {
  let g: string | null = variantOf(rng, given);
  let f: string | null = variantOf(rng, family);
  if (rng.chance(0.08)) f = typo(rng, f);
  else if (rng.chance(0.05)) g = typo(rng, g);
  if (rng.chance(0.04) && given.script && family.script) {
    g = given.script;
    f = family.script;
  }
  // Family-first cultures are often recorded the other way round.
  if (rng.chance(names.familyFirst ? 0.3 : 0.03)) [g, f] = [f, g];
  if (rng.chance(0.05)) g = null;
  if (rng.chance(0.02)) f = null;
  return { given: g, family: f };
}

function variantOf(rng: Random, form: NameForm): string {
  if (form.variants && form.variants.length > 0 && rng.chance(0.15)) return rng.pick(form.variants);
  return form.name;
}

export function typo(rng: Random, text: string): string {
  if (text.length < 3) return text;
  const i = rng.int(1, text.length - 2);
  switch (rng.int(0, 3)) {
    case 0:
      return text.slice(0, i) + text.slice(i + 1); // dropped letter
    case 1:
      return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2); // transposed
    case 2:
      return text.slice(0, i) + text[i] + text.slice(i); // doubled
    default:
      return text.slice(0, i) + rng.pick([...'aeiourn']) + text.slice(i + 1); // replaced
  }
}

/** A date of birth as recorded: usually right, sometimes day/month swapped or a year out. */
export function noisyDob(rng: Random, dob: Date): string {
  let y = dob.getUTCFullYear();
  let m = dob.getUTCMonth() + 1;
  let d = dob.getUTCDate();
  if (rng.chance(0.04) && d <= 12) [d, m] = [m, d];
  else if (rng.chance(0.04)) {
    y += rng.chance(0.5) ? 1 : -1;
    if (m === 2 && d === 29) d = 28; // a year out from a leap day is not a real date
  }
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A UK mobile (E.164) written the ways people write it. */
export function noisyPhone(rng: Random, e164: string): string {
  const national = `0${e164.slice(3)}`;
  switch (rng.int(0, 4)) {
    case 0:
      return e164;
    case 1:
      return `${national.slice(0, 5)} ${national.slice(5)}`;
    case 2:
      return national;
    case 3:
      return `0044 ${e164.slice(3, 7)} ${e164.slice(7)}`;
    default:
      return `(${national.slice(0, 5)}) ${national.slice(5, 8)} ${national.slice(8)}`;
  }
}

export function noisyRegistration(rng: Random, registration: string): string {
  if (rng.chance(0.2)) return registration.replace(' ', '');
  if (rng.chance(0.1)) return registration.toLowerCase();
  return registration;
}
