import type { PersonFeatures } from './features';

/**
 * At a home or on a phone, how many people of a family name there are, told apart by their given
 * names' sounds (records without a given name do not count). A record giving only a family name at
 * a home where one person has that name is that person; where a family lives, it could be any of
 * them. Only the phones and address lines asked about are indexed: few pairs turn on a family name
 * alone, and a million records' worth of arrays would cost the run a full garbage collection.
 */
export class FamiliesAtHome {
  private readonly byPhone = new Map<string, Map<string, Set<string>>>();
  /** Address line → postcode (or town) → family name → given-name sounds. */
  private readonly byAddress = new Map<string, Map<string, Map<string, Set<string>>>>();

  constructor(features: readonly PersonFeatures[], wanted: { phones: ReadonlySet<string>; addresses: ReadonlySet<string> }) {
    for (const f of features) {
      if (!f.family) continue;
      const sound = f.given ? f.given.metaphone || f.given.text : undefined;
      if (f.phone && wanted.phones.has(f.phone)) add(child(this.byPhone, f.phone), f.family.text, sound);
      if (f.address && wanted.addresses.has(f.address)) add(child(child(this.byAddress, f.address), f.postcode || f.town), f.family.text, sound);
    }
  }

  /** People of record `f`'s family name where a pair shares its phone, its address, or both (the fewer). */
  sharedBy(f: PersonFeatures, sharesPhone: boolean, sharesAddress: boolean): number {
    if (!f.family) return 0;
    let k = Infinity;
    if (sharesPhone) k = this.byPhone.get(f.phone)?.get(f.family.text)?.size ?? 0;
    if (sharesAddress)
      k = Math.min(
        k,
        this.byAddress
          .get(f.address)
          ?.get(f.postcode || f.town)
          ?.get(f.family.text)?.size ?? 0,
      );
    return k === Infinity ? 0 : k;
  }
}

function child<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let found = map.get(key);
  if (!found) map.set(key, (found = new Map<string, V>()));
  return found;
}

function add(families: Map<string, Set<string>>, family: string, sound: string | undefined): void {
  let sounds = families.get(family);
  if (!sounds) families.set(family, (sounds = new Set<string>()));
  if (sound) sounds.add(sound);
}
