import { FIELDS, FIELD_COUNT, MISSING, unpackPattern } from './comparison';
import { sharesLocation, type MatchModel } from './model';

/** An analyst's decision on a pair: the pair's comparison pattern and whether it is one person. */
export interface PairDecision {
  readonly pattern: number;
  readonly same: boolean;
}

/**
 * Folds analysts' decisions into a model, as labelled pairs: accepted pairs add to m (how fields
 * compare among true matches), rejected pairs to u (among non-matches). The learnt rates count as
 * `priorPairs` observations, so a few decisions nudge the model and many reshape it; λ is left alone
 * (review pairs are not a random sample of candidates). A rejected pair that shares a home or phone
 * teaches what housemates look like (the model's `shared` u).
 */
export function learnFromDecisions(model: MatchModel, decisions: readonly PairDecision[], priorPairs = 200): MatchModel {
  if (decisions.length === 0) return model;
  const mCounts = model.m.map((row) => row.map((p) => p * priorPairs));
  const uCounts = model.u.map((row) => row.map((p) => p * priorPairs));
  // "Not the same" said of two records sharing a home or phone is about housemates.
  const sharedCounts = model.shared?.u.map((row) => row.map((p) => p * priorPairs));
  for (const { pattern, same } of decisions) {
    const levels = unpackPattern(pattern);
    const counts = same ? mCounts : sharedCounts && sharesLocation(levels) ? sharedCounts : uCounts;
    for (let f = 0; f < FIELD_COUNT; f++) if (levels[f] !== MISSING) counts[f]![levels[f]!]! += 1;
  }
  const normalise = (rows: number[][]) =>
    rows.map((row, f) => {
      const total = row.reduce((a, b) => a + b, 0);
      return total > 0 ? row.map((c) => c / total) : FIELDS[f]!.levels.map(() => 1 / row.length);
    });
  return {
    ...model,
    m: normalise(mCounts),
    u: normalise(uCounts),
    ...(model.shared && sharedCounts ? { shared: { lambda: model.shared.lambda, u: normalise(sharedCounts) } } : {}),
  };
}
