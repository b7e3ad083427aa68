import type { ForceArea } from '../area/force-area';
import { GWENT } from '../area/gwent';
import type { PersonRecord } from '../resolve/features';
import { makePhone, makePlace, type TruePerson } from './generator';

type Place = ReturnType<typeof makePlace>;
import { NATIONALITIES, type NameForm, type NationalityNames } from './names';
import { noisyDob, noisyName, noisyPhone } from './noise';
import { Random } from './random';

/**
 * Person records shaped like this domain's homes, for testing resolution where it is hardest:
 * different people who share an address and a phone. Families (one family name, children's
 * birthdays close, now and then twins), shared houses of unrelated adults, and houses where a
 * controller keeps a dozen workers and gives his own phone as theirs, while he lives elsewhere.
 * Each person is reported a few times, with the typos, nicknames, other spellings, swapped names
 * and missing fields of real records. Deterministic for a seed; each record carries its true person.
 */
export type HouseholdKind = 'family' | 'shared_house' | 'controlled';

export interface HouseholdRecord {
  readonly record: PersonRecord;
  /** The true person this record describes. */
  readonly truth: string;
  readonly household: string;
  readonly kind: HouseholdKind;
}

export interface HouseholdOptions {
  readonly households: number;
  readonly seed?: string | number;
  readonly area?: ForceArea;
  /** The day ages are counted to. */
  readonly until?: Date;
}

interface Member extends TruePerson {
  /** The phone most of this person's records give, when it is not their own (a household's, a controller's). */
  readonly givenPhone: string | null;
  /** Share of records giving `givenPhone` rather than their own. */
  readonly givenPhoneShare: number;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const KINDS: readonly (readonly [HouseholdKind, number])[] = [
  ['family', 4],
  ['shared_house', 3],
  ['controlled', 3],
];
const RECORDS_PER_PERSON: readonly (readonly [number, number])[] = [
  [1, 30],
  [2, 25],
  [3, 18],
  [4, 12],
  [5, 8],
  [6, 4],
  [7, 3],
];

export function householdPersonRecords(options: HouseholdOptions): HouseholdRecord[] {
  const rng = new Random(options.seed ?? 'households');
  const area = options.area ?? GWENT;
  const until = (options.until ?? new Date(Date.UTC(2026, 10, 1))).getTime();
  const out: HouseholdRecord[] = [];
  let recordNumber = 0;

  const nationality = () => rng.weighted(NATIONALITIES.map((n) => [n, n.weight] as const));
  const birth = (minAge: number, maxAge: number) => {
    const dob = new Date(until - (rng.int(minAge, maxAge) + rng.next()) * YEAR_MS);
    dob.setUTCHours(0, 0, 0, 0);
    return dob;
  };
  /** A given name not yet used in this household (two Mohammeds in one house are told apart by nothing). */
  const givenName = (names: NationalityNames, gender: 'male' | 'female', used: Set<string>) => {
    const stock = gender === 'male' ? names.male : names.female;
    for (let tries = 0; tries < 20; tries++) {
      const pick = rng.pick(stock);
      if (!used.has(pick.name)) {
        used.add(pick.name);
        return pick;
      }
    }
    return rng.pick(stock);
  };
  const member = (
    home: Place,
    names: NationalityNames,
    family: NameForm,
    gender: 'male' | 'female',
    dob: Date,
    used: Set<string>,
    givenPhone: string | null,
    share: number,
  ): Member => ({
    id: rng.uuid(),
    names,
    given: givenName(names, gender, used),
    family,
    gender,
    dob,
    phone: makePhone(rng),
    home,
    givenPhone,
    givenPhoneShare: share,
  });
  const gender = () => (rng.chance(0.55) ? 'male' : 'female');

  for (let h = 0; h < options.households; h++) {
    const household = `household-${h}`;
    const kind = rng.weighted(KINDS);
    const home = makePlace(rng, area);
    const used = new Set<string>();
    const members: Member[] = [];
    if (kind === 'family') {
      const names = nationality();
      const family = rng.pick(names.family);
      const parent = member(home, names, family, 'male', birth(30, 55), used, null, 0);
      const shared = rng.chance(0.6) ? parent.phone : null;
      members.push({ ...parent, givenPhone: shared, givenPhoneShare: 0.3 });
      if (rng.chance(0.8)) members.push(member(home, names, family, 'female', birth(28, 52), used, shared, 0.5));
      let lastBirth: Date | null = null;
      for (let c = rng.int(0, 4); c > 0; c--) {
        // Now and then twins: one date of birth, one family name, one address, two people.
        const dob: Date = lastBirth && rng.chance(0.03) ? lastBirth : birth(8, 24);
        lastBirth = dob;
        members.push(member(home, names, family, gender(), dob, used, shared ?? parent.phone, 0.7));
      }
    } else if (kind === 'shared_house') {
      const houseNames = nationality();
      const landline = rng.chance(0.4) ? makePhone(rng) : null;
      for (let n = rng.int(3, 8); n > 0; n--) {
        const names = rng.chance(0.5) ? houseNames : nationality();
        members.push(member(home, names, rng.pick(names.family), gender(), birth(18, 45), used, landline, 0.3));
      }
    } else {
      // The controller's phone is every worker's; he lives at another address.
      const workerNames = nationality();
      const controllerNames = rng.chance(0.5) ? workerNames : nationality();
      const controllerHome = makePlace(rng, area);
      const controller = member(controllerHome, controllerNames, rng.pick(controllerNames.family), 'male', birth(25, 55), new Set(), null, 0);
      members.push(controller);
      for (let n = rng.int(6, 14); n > 0; n--) {
        const names = rng.chance(0.75) ? workerNames : nationality();
        members.push(member(home, names, rng.pick(names.family), rng.chance(0.7) ? 'male' : 'female', birth(16, 40), used, controller.phone, 0.8));
      }
    }
    for (const m of members) {
      for (let r = rng.weighted(RECORDS_PER_PERSON); r > 0; r--) {
        out.push({ record: recordOf(m, `hh-${recordNumber++}`), truth: m.id, household, kind });
      }
    }
  }
  return out;

  function recordOf(m: Member, id: string): PersonRecord {
    const name = noisyName(rng, m.names, m.given, m.family);
    const knowsAddress = rng.chance(0.7);
    let phone: string | null = null;
    if (rng.chance(0.65)) phone = m.givenPhone && rng.chance(m.givenPhoneShare) ? m.givenPhone : m.phone;
    return {
      id,
      givenName: name.given,
      familyName: name.family,
      dob: rng.chance(0.65) ? noisyDob(rng, m.dob) : null,
      gender: rng.chance(0.9) ? m.gender : null,
      nationality: rng.chance(0.8) ? m.names.nationality : null,
      phone: phone ? noisyPhone(rng, phone) : null,
      address: knowsAddress ? writtenAddress(m.home.line) : null,
      postcode: knowsAddress && rng.chance(0.8) ? m.home.postcode : null,
      town: rng.chance(0.7) ? m.home.town.name : null,
    };
  }

  /** As people write an address: sometimes abbreviated, sometimes in capitals. */
  function writtenAddress(line: string): string {
    if (rng.chance(0.15)) return line.replace(/ Road$/, ' Rd').replace(/ Street$/, ' St');
    if (rng.chance(0.1)) return line.toUpperCase();
    return line;
  }
}
