import type { ForceArea, LocalAuthority, Town } from '../area/force-area';
import type { BusinessKind, ExploitationType, PersonRole, ReportSource } from '../domain';
import { narrative } from './narratives';
import { narrativeCy, writtenInWelshFrom } from './narratives-cy';
import { BUSINESS_NAMES, COLOURS, NATIONALITIES, STREETS, VEHICLE_MAKES, type NameForm, type NationalityNames } from './names';
import {
  makeAccount,
  makeNetworkAccounts,
  makeNetworkOnline,
  makePassport,
  writtenAccount,
  writtenDocumentNumber,
  writtenOnline,
  type TrueBankAccount,
  type TrueDocument,
  type TrueOnline,
} from './identifiers';
import { Random } from './random';
import { noisyDob, noisyName, noisyPhone, noisyRegistration } from './noise';

/**
 * Deterministic synthetic force-area data: reports with the people, phones, vehicles and
 * businesses they mention, and planted trafficking networks whose ground truth is kept.
 * The same options always give the same data. Generation streams in batches, so a million
 * reports never sit in memory at once.
 */
export interface SeedOptions {
  readonly reports: number;
  readonly seed: number | string;
  readonly area: ForceArea;
  /** The latest report date; reports spread over the three years before it. */
  readonly until: Date;
}

export interface SeedNetwork {
  readonly id: string;
  readonly name: string;
  readonly exploitationType: ExploitationType;
  readonly localAuthority: string;
  readonly town: string;
}

export interface SeedReport {
  readonly id: string;
  readonly reference: string;
  readonly source: ReportSource;
  readonly receivedAt: Date;
  readonly localAuthority: string;
  readonly town: string;
  readonly postcode: string;
  readonly summary: string;
  /** Written in Welsh ('cy'), or null: in English. */
  readonly language: 'cy' | null;
  readonly exploitationTypes: ExploitationType[];
  readonly involvesChild: boolean;
  readonly status: 'new' | 'triaged' | 'closed';
  /** 3x5x2, given at triage: null for reports not yet triaged (and a few older ones never graded). */
  readonly grading: string | null;
  /** What a C handling code asks of anyone sharing it. */
  readonly handlingConditions: string | null;
  readonly networkId: string | null;
}

export interface SeedPerson {
  readonly id: string;
  readonly reportId: string;
  readonly role: PersonRole;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly dob: string | null;
  readonly gender: 'male' | 'female' | null;
  readonly nationality: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly postcode: string | null;
  readonly town: string | null;
  /** Ground truth: the real (synthetic) person this record describes. */
  readonly truePersonId: string;
  readonly networkId: string | null;
}

export interface SeedPhone {
  readonly id: string;
  readonly reportId: string;
  readonly number: string;
  readonly trueNumber: string;
  readonly networkId: string | null;
}

export interface SeedVehicle {
  readonly id: string;
  readonly reportId: string;
  readonly registration: string;
  readonly make: string;
  readonly model: string;
  readonly colour: string;
  readonly trueRegistration: string;
  readonly networkId: string | null;
}

export interface SeedBusiness {
  readonly id: string;
  readonly reportId: string;
  readonly name: string;
  readonly kind: BusinessKind;
  readonly address: string;
  readonly postcode: string;
  readonly town: string;
  readonly trueBusinessId: string;
  readonly networkId: string | null;
}

export interface SeedOnline {
  readonly id: string;
  readonly reportId: string;
  readonly identifier: string;
  readonly platform: string | null;
  readonly description: string;
  /** Ground truth: the account's address. */
  readonly trueKey: string;
  readonly networkId: string | null;
}

export interface SeedBankAccount {
  readonly id: string;
  readonly reportId: string;
  readonly bank: string | null;
  readonly sortCode: string | null;
  readonly accountNumber: string | null;
  readonly iban: string | null;
  readonly trueKey: string;
  readonly networkId: string | null;
}

export interface SeedDocument {
  readonly id: string;
  readonly reportId: string;
  readonly type: TrueDocument['type'];
  readonly number: string;
  readonly country: string | null;
  readonly holder: string | null;
  readonly description: string | null;
  readonly trueKey: string;
  readonly networkId: string | null;
}

export interface SeedBatch {
  readonly reports: SeedReport[];
  readonly persons: SeedPerson[];
  readonly phones: SeedPhone[];
  readonly vehicles: SeedVehicle[];
  readonly businesses: SeedBusiness[];
  readonly online: SeedOnline[];
  readonly bankAccounts: SeedBankAccount[];
  readonly documents: SeedDocument[];
}

interface Place {
  readonly la: LocalAuthority;
  readonly town: Town;
  readonly line: string;
  readonly postcode: string;
}

/** A synthetic person as they truly are, before any record of them is written. */
export interface TruePerson {
  readonly id: string;
  readonly names: NationalityNames;
  readonly given: NameForm;
  readonly family: NameForm;
  readonly gender: 'male' | 'female';
  readonly dob: Date;
  readonly phone: string;
  readonly home: Place;
}

interface TrueBusiness {
  readonly id: string;
  readonly name: string;
  readonly kind: BusinessKind;
  readonly place: Place;
}

interface TrueVehicle {
  readonly registration: string;
  readonly make: string;
  readonly model: string;
  readonly colour: string;
}

interface Network extends SeedNetwork {
  readonly place: Place;
  readonly suspects: TruePerson[];
  readonly victims: TruePerson[];
  readonly phones: string[];
  readonly vehicles: TrueVehicle[];
  readonly business: TrueBusiness;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const WINDOW_YEARS = 3;

const TYPE_WEIGHTS: readonly (readonly [ExploitationType, number])[] = [
  ['criminal', 30],
  ['labour', 30],
  ['sexual', 20],
  ['domestic_servitude', 6],
  ['unknown', 13],
  // Rare: a handful of referrals a year in the whole UK.
  ['organ_harvesting', 0.1],
];

const BUSINESS_FOR_TYPE: Record<ExploitationType, readonly BusinessKind[]> = {
  labour: ['hand_car_wash', 'nail_bar', 'farm', 'factory', 'construction', 'recruitment_agency', 'takeaway'],
  sexual: ['massage_parlour', 'hotel', 'nail_bar'],
  criminal: ['takeaway', 'barber', 'hand_car_wash'],
  domestic_servitude: ['takeaway', 'hotel'],
  organ_harvesting: ['recruitment_agency'],
  unknown: ['hand_car_wash', 'nail_bar', 'takeaway', 'barber'],
};

/**
 * Reports written in Welsh, of those not sent on the NRM's English form: about one in twenty-five.
 * Fewer than one in ten people in Gwent speak Welsh (2021 census), and most who do write to the
 * police in English.
 */
const WELSH_SHARE = 0.04;

const SOURCE_WEIGHTS: readonly (readonly [ReportSource, number])[] = [
  ['public', 30],
  ['officer', 35],
  ['partner', 25],
  ['nrm', 10],
];

export function generateSeed(options: SeedOptions): { networks: SeedNetwork[]; batches: (size: number) => Generator<SeedBatch> } {
  if (!Number.isInteger(options.reports) || options.reports < 0) throw new RangeError('reports must be a whole number, 0 or more');
  const rng = new Random(`harbour:${options.seed}`);
  const untilMs = options.until.getTime();
  const networkCount = options.reports === 0 ? 0 : Math.max(1, Math.round(options.reports / 60));
  const networks: Network[] = [];
  for (let i = 0; i < networkCount; i++) networks.push(makeNetwork(rng, options.area, i, untilMs));
  // Repeat background people give duplicates outside any network, as real data has.
  const repeaters: TruePerson[] = [];
  const repeaterCount = Math.max(1, Math.round(options.reports / 25));
  // Accounts and documents draw from streams of their own, so adding them changed no one else's data.
  const extra = new Random(`harbour:${options.seed}:identifiers`);
  // Words and gradings likewise: how reports are written changes no one's data.
  const voice = new Random(`harbour:${options.seed}:voice`);
  // Which reports are in Welsh, and their words, from a stream of their own: the English words of every other report stay as they were.
  const welsh = new Random(`harbour:${options.seed}:welsh`);
  const words = (
    type: ExploitationType,
    source: ReportSource,
    business: TrueBusiness | null,
    vehicle: TrueVehicle | null,
    town: string,
    child: boolean,
  ): Pick<SeedReport, 'summary' | 'language'> => {
    const facts = {
      type,
      source,
      at: business ? `${business.name}, ${business.place.line}, ${business.place.town.name}` : `an address in ${town}`,
      vehicle: vehicle ? `${vehicle.colour} ${vehicle.make} ${vehicle.model}` : null,
      child,
    };
    const english = narrative(voice, facts);
    const inWelsh = welsh.chance(WELSH_SHARE) && writtenInWelshFrom(source);
    return inWelsh
      ? { summary: narrativeCy(welsh, { ...facts, source, town, named: business !== null }), language: 'cy' }
      : { summary: english, language: null };
  };
  const graded = (status: SeedReport['status']) => {
    const grading = status === 'new' || voice.chance(0.04) ? null : seedGrading(voice);
    return { grading, handlingConditions: grading?.endsWith('C') ? 'Not to be shared outside the force without the originator’s agreement.' : null };
  };
  const networkExtras = new Map<string, { online: TrueOnline[]; accounts: TrueBankAccount[] }>();
  const passports = new Map<string, TrueDocument>();

  function* batches(size: number): Generator<SeedBatch> {
    let batch = emptyBatch();
    for (let index = 0; index < options.reports; index++) {
      addReport(batch, index);
      if (batch.reports.length >= size) {
        yield batch;
        batch = emptyBatch();
      }
    }
    if (batch.reports.length > 0) yield batch;
  }

  function addReport(batch: SeedBatch, index: number): void {
    // Later dates are likelier: reporting has grown year on year.
    const receivedAt = new Date(untilMs - WINDOW_YEARS * YEAR_MS * (1 - Math.pow(rng.next(), 1 / 1.4)));
    const source = rng.weighted(SOURCE_WEIGHTS);
    const reportId = rng.uuid();
    const reference = `HBR-${receivedAt.getUTCFullYear()}-${String(index + 1).padStart(7, '0')}`;
    const ageDays = (untilMs - receivedAt.getTime()) / 86_400_000;
    const status = ageDays < 30 ? 'new' : ageDays < 365 && rng.chance(0.6) ? 'triaged' : 'closed';
    const network = networks.length > 0 && rng.chance(0.4) ? pickNetwork() : null;

    if (network) {
      const victims = sample(network.victims, rng.int(1, Math.min(3, network.victims.length)));
      const suspects = rng.chance(0.6) ? sample(network.suspects, rng.int(1, network.suspects.length)) : [];
      const involvesChild = victims.some((v) => ageAt(v.dob, receivedAt) < 18);
      const vehicle = rng.chance(0.5) ? rng.pick(network.vehicles) : null;
      batch.reports.push({
        id: reportId,
        reference,
        source,
        receivedAt,
        localAuthority: network.place.la.code,
        town: network.place.town.name,
        postcode: network.place.postcode,
        ...words(network.exploitationType, source, network.business, vehicle, network.place.town.name, involvesChild),
        exploitationTypes: [network.exploitationType],
        involvesChild,
        status,
        ...graded(status),
        networkId: network.id,
      });
      for (const v of victims) batch.persons.push(personRecord(v, reportId, 'potential_victim', network.id));
      for (const s of suspects) batch.persons.push(personRecord(s, reportId, 'suspect', network.id));
      for (const phone of sample(network.phones, rng.int(0, Math.min(2, network.phones.length)))) {
        batch.phones.push({ id: rng.uuid(), reportId, number: noisyPhone(rng, phone), trueNumber: phone, networkId: network.id });
      }
      if (vehicle) {
        batch.vehicles.push({
          id: rng.uuid(),
          reportId,
          registration: noisyRegistration(rng, vehicle.registration),
          make: vehicle.make,
          model: vehicle.model,
          colour: vehicle.colour,
          trueRegistration: vehicle.registration,
          networkId: network.id,
        });
      }
      if (rng.chance(0.7)) batch.businesses.push(businessRecord(network.business, reportId, network.id));
      addNetworkIdentifiers(batch, reportId, network, victims);
      return;
    }

    const place = makePlace(rng, options.area);
    const type = rng.weighted(TYPE_WEIGHTS);
    const person = rng.chance(0.15) && repeaters.length > 0 ? rng.pick(repeaters) : makePerson(rng, options.area, untilMs, rng.chance(0.25));
    if (repeaters.length < repeaterCount && rng.chance(0.1)) repeaters.push(person);
    const business: TrueBusiness | null = rng.chance(0.4) ? makeBusiness(rng, options.area, rng.pick(BUSINESS_FOR_TYPE[type])) : null;
    batch.reports.push({
      id: reportId,
      reference,
      source,
      receivedAt,
      localAuthority: place.la.code,
      town: place.town.name,
      postcode: place.postcode,
      ...words(type, source, business, null, place.town.name, ageAt(person.dob, receivedAt) < 18),
      exploitationTypes: rng.chance(0.08) && type !== 'unknown' ? [type, 'criminal' === type ? 'labour' : 'criminal'] : [type],
      involvesChild: ageAt(person.dob, receivedAt) < 18,
      status,
      ...graded(status),
      networkId: null,
    });
    batch.persons.push(personRecord(person, reportId, 'potential_victim', null));
    if (business) batch.businesses.push(businessRecord(business, reportId, null));
    // Now and then a lone report names an account or a passport of its own.
    if (extra.chance(0.03)) {
      for (const o of makeNetworkOnline(extra, type === 'sexual' ? 'sexual' : 'labour', place.town.name).slice(0, 1))
        batch.online.push(onlineRecord(o, reportId, null));
    }
    if (extra.chance(0.02)) batch.bankAccounts.push(accountRecord(makeAccount(extra), reportId, null));
    if (extra.chance(0.03)) documentRecord(batch, person, reportId, null);
  }

  function addNetworkIdentifiers(batch: SeedBatch, reportId: string, network: Network, victims: readonly TruePerson[]): void {
    let known = networkExtras.get(network.id);
    if (!known) {
      const own = new Random(`harbour:${options.seed}:network:${network.id}`);
      known = {
        online: makeNetworkOnline(own, network.exploitationType, network.place.town.name),
        accounts: makeNetworkAccounts(own, network.exploitationType),
      };
      networkExtras.set(network.id, known);
    }
    if (known.online.length > 0 && extra.chance(0.5)) batch.online.push(onlineRecord(extra.pick(known.online), reportId, network.id));
    if (known.accounts.length > 0 && extra.chance(0.3)) batch.bankAccounts.push(accountRecord(extra.pick(known.accounts), reportId, network.id));
    for (const victim of victims) if (extra.chance(0.15)) documentRecord(batch, victim, reportId, network.id);
  }

  function onlineRecord(o: TrueOnline, reportId: string, networkId: string | null): SeedOnline {
    return { id: extra.uuid(), reportId, ...writtenOnline(extra, o), trueKey: o.url, networkId };
  }

  function accountRecord(a: TrueBankAccount, reportId: string, networkId: string | null): SeedBankAccount {
    return { id: extra.uuid(), reportId, ...writtenAccount(extra, a), trueKey: `${a.sortCode}:${a.accountNumber}`, networkId };
  }

  /** A person's passport, the same one each time it is mentioned; British people's passports are left out (rarely the point). */
  function documentRecord(batch: SeedBatch, p: TruePerson, reportId: string, networkId: string | null): void {
    if (p.names.nationality === 'GBR') return;
    let passport = passports.get(p.id);
    if (!passport) {
      passport = makePassport(new Random(`harbour:${options.seed}:passport:${p.id}`), p.names.nationality);
      passports.set(p.id, passport);
    }
    batch.documents.push({
      id: extra.uuid(),
      reportId,
      type: passport.type,
      number: writtenDocumentNumber(extra, passport),
      country: extra.chance(0.7) ? passport.country : null,
      holder: extra.chance(0.5) ? `${p.given.name} ${p.family.name}` : null,
      description: networkId && extra.chance(0.6) ? extra.pick(['held by the employer', 'kept by the landlord', 'taken on arrival', 'seized']) : null,
      trueKey: `${passport.type}:${passport.number}`,
      networkId,
    });
  }

  function pickNetwork(): Network {
    // A few networks attract most reports (skewed like real intelligence).
    const i = Math.floor(Math.pow(rng.next(), 2) * networks.length);
    return networks[i]!;
  }

  function sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
    return out;
  }

  function personRecord(p: TruePerson, reportId: string, role: PersonRole, networkId: string | null): SeedPerson {
    const name = noisyName(rng, p.names, p.given, p.family);
    const knowsAddress = rng.chance(0.5);
    return {
      id: rng.uuid(),
      reportId,
      role,
      givenName: name.given,
      familyName: name.family,
      dob: rng.chance(0.65) ? noisyDob(rng, p.dob) : null,
      gender: rng.chance(0.9) ? p.gender : null,
      nationality: rng.chance(0.8) ? p.names.nationality : null,
      phone: rng.chance(0.45) ? noisyPhone(rng, p.phone) : null,
      address: knowsAddress ? p.home.line : null,
      postcode: knowsAddress && rng.chance(0.8) ? p.home.postcode : null,
      town: rng.chance(0.7) ? p.home.town.name : null,
      truePersonId: p.id,
      networkId,
    };
  }

  function businessRecord(b: TrueBusiness, reportId: string, networkId: string | null): SeedBusiness {
    return {
      id: rng.uuid(),
      reportId,
      name: rng.chance(0.2) ? b.name.toUpperCase() : b.name,
      kind: b.kind,
      address: b.place.line,
      postcode: b.place.postcode,
      town: b.place.town.name,
      trueBusinessId: b.id,
      networkId,
    };
  }

  return { networks: networks.map(({ id, name, exploitationType, localAuthority, town }) => ({ id, name, exploitationType, localAuthority, town })), batches };
}

function emptyBatch(): SeedBatch {
  return { reports: [], persons: [], phones: [], vehicles: [], businesses: [], online: [], bankAccounts: [], documents: [] };
}

function makeNetwork(rng: Random, area: ForceArea, index: number, untilMs: number): Network {
  const exploitationType = rng.weighted(TYPE_WEIGHTS.filter(([t]) => t !== 'unknown'));
  const business = makeBusiness(rng, area, rng.pick(BUSINESS_FOR_TYPE[exploitationType]));
  const childShare = exploitationType === 'criminal' ? 0.6 : exploitationType === 'sexual' ? 0.2 : 0.05;
  const suspects = Array.from({ length: rng.int(1, 3) }, () => makePerson(rng, area, untilMs, false));
  const victims = Array.from({ length: rng.int(2, 8) }, () => makePerson(rng, area, untilMs, rng.chance(childShare)));
  return {
    id: rng.uuid(),
    name: `Operation ${OPERATION_NAMES[index % OPERATION_NAMES.length]}${index >= OPERATION_NAMES.length ? ` ${Math.floor(index / OPERATION_NAMES.length) + 1}` : ''}`,
    exploitationType,
    localAuthority: business.place.la.code,
    town: business.place.town.name,
    place: business.place,
    suspects,
    victims,
    phones: Array.from({ length: rng.int(1, 3) }, () => makePhone(rng)),
    vehicles: Array.from({ length: rng.int(1, 2) }, () => makeVehicle(rng)),
    business,
  };
}

const OPERATION_NAMES = [
  'Anchor',
  'Beacon',
  'Cobalt',
  'Dolphin',
  'Ember',
  'Falcon',
  'Granite',
  'Heron',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lantern',
  'Marlin',
  'Nimbus',
  'Osprey',
  'Pebble',
  'Quartz',
  'Raven',
  'Sable',
  'Tern',
];

/** A home or workplace somewhere in the force area, weighted by population. */
export function makePlace(rng: Random, area: ForceArea): Place {
  const la = rng.weighted(area.localAuthorities.map((l) => [l, l.population] as const));
  const town = rng.pick(la.towns);
  const district = rng.pick(town.postcodeDistricts);
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  const postcode = `${district} ${rng.int(1, 9)}${rng.pick([...letters])}${rng.pick([...letters])}`;
  return { la, town, line: `${rng.int(1, 180)} ${rng.pick(STREETS)}`, postcode };
}

function makePerson(rng: Random, area: ForceArea, untilMs: number, child: boolean): TruePerson {
  const names = rng.weighted(NATIONALITIES.map((n) => [n, n.weight] as const));
  // About three in four people referred in the UK are male (NRM 2023: 12,903 of 16,991).
  const gender = rng.chance(0.74) ? 'male' : 'female';
  const age = child ? rng.int(13, 17) : rng.int(18, 58);
  const dob = new Date(untilMs - (age + rng.next()) * YEAR_MS);
  dob.setUTCHours(0, 0, 0, 0);
  return {
    id: rng.uuid(),
    names,
    given: rng.pick(gender === 'male' ? names.male : names.female),
    family: rng.pick(names.family),
    gender,
    dob,
    phone: makePhone(rng),
    home: makePlace(rng, area),
  };
}

function makeBusiness(rng: Random, area: ForceArea, kind: BusinessKind): TrueBusiness {
  return { id: rng.uuid(), name: rng.pick(BUSINESS_NAMES[kind] ?? ['Unnamed business']), kind, place: makePlace(rng, area) };
}

/** A UK mobile number in E.164. */
/** A UK mobile number in E.164 form. */
export function makePhone(rng: Random): string {
  return `+447${rng.int(100, 999)}${String(rng.int(0, 999999)).padStart(6, '0')}`;
}

function makeVehicle(rng: Random): TrueVehicle {
  const letters = 'ABCDEFGHJKLMNOPRSTUVWXYZ';
  const l = () => rng.pick([...letters]);
  const memory = `C${rng.pick([...'ABCDEFGHJKLMNOPRSTUVWXY'])}`; // Welsh (Cardiff) memory tags
  const age = rng.pick(['15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '65', '66', '67', '68', '69', '70', '71', '72', '73', '74']);
  const [make, model] = rng.pick(VEHICLE_MAKES);
  return { registration: `${memory}${age} ${l()}${l()}${l()}`, make, model, colour: rng.pick(COLOURS) };
}

function ageAt(dob: Date, when: Date): number {
  return (when.getTime() - dob.getTime()) / YEAR_MS;
}

/** A grading as a team gives one: mostly untested sources, mostly probably true, a few handled with conditions. */
function seedGrading(rng: Random): string {
  const evaluation = rng.weighted([
    ['1', 20],
    ['2', 65],
    ['3', 15],
  ] as const);
  const assessment = rng.weighted([
    ['A', 10],
    ['B', 35],
    ['C', 35],
    ['D', 15],
    ['E', 5],
  ] as const);
  return `${evaluation}${assessment}${rng.chance(0.08) ? 'C' : 'P'}`;
}
