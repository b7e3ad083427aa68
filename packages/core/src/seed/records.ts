import { coMentionKey } from '../resolve/co-mention';
import type { PersonRecord } from '../resolve/features';
import { recordIdentity, type KeyedKind } from '../resolve/keys';
import type { SeedBatch } from './generator';

/**
 * The person records of a generated batch as resolution takes them, each with what its report
 * mentions besides people (its co-mentions: phones, vehicles, businesses, accounts, documents),
 * and the true person each describes.
 */
export function seedPersonRecords(batch: SeedBatch): { record: PersonRecord; truth: string }[] {
  const context = new Map<string, string[]>();
  const mention = (reportId: string, kind: KeyedKind, attributes: Readonly<Record<string, string | null>>) => {
    const identity = recordIdentity(kind, attributes);
    if (!identity) return;
    const list = context.get(reportId);
    if (list) list.push(coMentionKey(kind, identity.key));
    else context.set(reportId, [coMentionKey(kind, identity.key)]);
  };
  for (const x of batch.phones) mention(x.reportId, 'phone', { number: x.number });
  for (const x of batch.vehicles) mention(x.reportId, 'vehicle', { registration: x.registration });
  for (const x of batch.businesses) mention(x.reportId, 'business', { name: x.name, postcode: x.postcode, town: x.town });
  for (const x of batch.online) mention(x.reportId, 'online', { identifier: x.identifier, platform: x.platform });
  for (const x of batch.bankAccounts) mention(x.reportId, 'bank_account', { sortCode: x.sortCode, accountNumber: x.accountNumber, iban: x.iban });
  for (const x of batch.documents) mention(x.reportId, 'document', { type: x.type, number: x.number });
  return batch.persons.map((p) => ({
    record: {
      id: p.id,
      givenName: p.givenName,
      familyName: p.familyName,
      dob: p.dob,
      gender: p.gender,
      nationality: p.nationality,
      phone: p.phone,
      address: p.address,
      postcode: p.postcode,
      town: p.town,
      context: context.get(p.reportId),
    },
    truth: p.truePersonId,
  }));
}
