import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PersonRecord } from '@harbour/core';

/** The FEBRL benchmark files, read in place from ../shared (never copied into the project). */
export const FEBRL_DIR = fileURLToPath(new URL('../../shared/data/febrl/', import.meta.url));

export interface FebrlRecord extends PersonRecord {
  /** The true person: records with the same key are the same person (from rec-<n>-…). */
  readonly truth: string;
}

/** One FEBRL file as person records (every field after the first is preceded by a space: trimmed). */
export function readFebrl(file: string): FebrlRecord[] {
  const lines = readFileSync(`${FEBRL_DIR}${file}`, 'utf8').split(/\r?\n/).filter(Boolean);
  const header = lines[0]!.split(',').map((h) => h.trim());
  const at = (name: string) => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const cells = line.split(',').map((c) => c.trim());
    const get = (name: string) => cells[at(name)] || null;
    const id = get('rec_id')!;
    return {
      id,
      truth: /^rec-(\d+)/.exec(id)![1]!,
      givenName: get('given_name'),
      familyName: get('surname'),
      dob: get('date_of_birth'),
      address: [get('street_number'), get('address_1'), get('address_2')].filter(Boolean).join(' ') || null,
      town: get('suburb'),
      postcode: get('postcode'),
      idNumber: get('soc_sec_id'),
      nationality: null,
    };
  });
}

/** Precision, recall and F1 of the pairs implied by the clusters, against the truth. */
export function pairwiseAccuracy(
  truth: readonly string[],
  clusters: ArrayLike<number>,
): { precision: number; recall: number; f1: number; tp: number; predicted: number; actual: number } {
  const pairsIn = (n: number) => (n * (n - 1)) / 2;
  const byCluster = new Map<number, Map<string, number>>();
  const byTruth = new Map<string, number>();
  const clusterSize = new Map<number, number>();
  for (let i = 0; i < truth.length; i++) {
    const c = clusters[i]!;
    const t = truth[i]!;
    byTruth.set(t, (byTruth.get(t) ?? 0) + 1);
    clusterSize.set(c, (clusterSize.get(c) ?? 0) + 1);
    let inner = byCluster.get(c);
    if (!inner) byCluster.set(c, (inner = new Map<string, number>()));
    inner.set(t, (inner.get(t) ?? 0) + 1);
  }
  let tp = 0;
  for (const inner of byCluster.values()) for (const n of inner.values()) tp += pairsIn(n);
  let predicted = 0;
  for (const n of clusterSize.values()) predicted += pairsIn(n);
  let actual = 0;
  for (const n of byTruth.values()) actual += pairsIn(n);
  const precision = predicted === 0 ? 1 : tp / predicted;
  const recall = actual === 0 ? 1 : tp / actual;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), tp, predicted, actual };
}
