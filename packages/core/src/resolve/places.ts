import { GWENT, GWENT_POST_TOWNS } from '../area/gwent';
import { normalisePostcode, normaliseText, postcodeDistrict } from './normalise';

type Attributes = Readonly<Record<string, string | null | undefined>>;

/** Street words as people write them short, and in full. */
const STREET_WORDS: Readonly<Record<string, string>> = {
  rd: 'road',
  st: 'street',
  str: 'street',
  ave: 'avenue',
  av: 'avenue',
  ln: 'lane',
  cl: 'close',
  cres: 'crescent',
  cr: 'crescent',
  dr: 'drive',
  ter: 'terrace',
  terr: 'terrace',
  tce: 'terrace',
  pl: 'place',
  sq: 'square',
  ct: 'court',
  gdns: 'gardens',
  gr: 'grove',
  pde: 'parade',
  est: 'estate',
  ind: 'industrial',
  hse: 'house',
};

/** A UK postcode anywhere in a line of text. */
const POSTCODE_IN_TEXT = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/i;

/** Every town and locality of the area, and its post town, by normalised name (Welsh names too). */
const POST_TOWN_OF_TOWN: ReadonlyMap<string, string> = new Map(
  GWENT.localAuthorities.flatMap((la) =>
    la.towns.flatMap((town) => {
      const post = GWENT_POST_TOWNS[town.postcodeDistricts[0] ?? ''] ?? town.name;
      return [normaliseText(town.name), normaliseText(town.nameCy), normaliseText(post)].map((name): [string, string] => [name, normaliseText(post)]);
    }),
  ),
);

/** The post town a place is in, normalised: from a postcode's district, else from a town's name (itself, when unknown). */
export function postTown(postcode: string | null, town: string): string {
  if (postcode) {
    const district = postcodeDistrict(postcode);
    const known = GWENT_POST_TOWNS[district];
    // A district outside the table is its own place: two addresses in it agree only by it.
    return known ? normaliseText(known) : district.toLowerCase();
  }
  return POST_TOWN_OF_TOWN.get(town) ?? town;
}

/**
 * An address line as house and street, the postcode and town taken out of it (they are where it
 * is, not which house), street words in full: "40 Station Rd., Newport NP20 2DG" is
 * "40 station road" in Newport, NP20 2DG.
 */
export function addressParts(a: Attributes): { line: string; postcode: string | null; town: string } {
  let raw = a['address'] ?? '';
  const inText = POSTCODE_IN_TEXT.exec(raw);
  const postcode = normalisePostcode(a['postcode']) ?? (inText ? normalisePostcode(`${inText[1]} ${inText[2]}`) : null);
  if (inText) raw = raw.replace(inText[0], ' ');
  let words = normaliseText(raw).split(' ').filter(Boolean);
  let town = normaliseText(a['town']);
  // A known town at the end of the line is the town, not part of the street.
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const tail = words.slice(-n).join(' ');
    if (tail === town || POST_TOWN_OF_TOWN.has(tail)) {
      town ||= tail;
      words = words.slice(0, -n);
      break;
    }
  }
  const line = words.map((w) => STREET_WORDS[w] ?? w).join(' ');
  return { line, postcode, town };
}

/**
 * An address's identity: house and street within a post town. Without a postcode or a town it is
 * no one place ("86 Park Road" is in every town): it stays a record of its own, never a hub.
 */
export function addressIdentity(a: Attributes): { key: string; label: string } | null {
  const { line, postcode, town } = addressParts(a);
  if (!line || (!postcode && !town)) return null;
  const label = [a['address']?.trim(), a['town']?.trim(), a['postcode'] ? postcode : null].filter(Boolean).join(', ');
  return { key: `${line}|${postTown(postcode, town)}`, label };
}

/**
 * A business's identity: its name within a post town (its own postcode or town, else the town of
 * the report that named it: a car wash reported in Newport is most likely in Newport). A name with
 * nowhere stays a record of its own: two "Star Car Wash" in two towns are two.
 */
export function businessIdentity(a: Attributes): { key: string; label: string } | null {
  const name = normaliseText(a['name']);
  if (!name) return null;
  const own = addressParts({ address: a['address'], postcode: a['postcode'], town: a['town'] });
  const postcode = own.postcode;
  const town = own.town || normaliseText(a['reportTown']);
  if (!postcode && !town) return null;
  return { key: `${name}|${postTown(postcode, town)}`, label: [a['name']?.trim(), postcode ?? a['town']?.trim()].filter(Boolean).join(', ') };
}
