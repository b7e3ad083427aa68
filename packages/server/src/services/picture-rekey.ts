import { personFeatures } from '@harbour/core';
import type { Repositories } from '@harbour/db';
import { personBlockKeys } from './picture-bulk';

const PAGE = 5_000;

/**
 * Gives every known person the blocking keys of today's rules. Rules are only ever added (a store
 * keeps keys by rule position), so a store resolved before a rule was added lacks that rule's keys
 * for the people it already knew, and new records could not find them by it. Keys already stored
 * stay; missing ones are added. Page by page, each page in its own transaction: it can be stopped
 * and run again.
 */
export async function rekeyPeople(repos: Repositories, onProgress?: (people: number) => void): Promise<{ people: number; keys: number }> {
  let after: string | null = null;
  let people = 0;
  let keys = 0;
  for (;;) {
    const { last, people: page } = await repos.picture.personPage(after, PAGE);
    if (!last) break;
    const rows = page.flatMap(({ records }) =>
      personBlockKeys(records.map((r) => personFeatures({ id: r.id, ...r.attributes }))).map(({ key, at }) => ({ key, recordId: records[at]!.id })),
    );
    await repos.picture.transaction((picture) => picture.addBlockKeys(rows));
    people += page.length;
    keys += rows.length;
    after = last;
    onProgress?.(people);
  }
  return { people, keys };
}
