import { CAMPAIGN_CODE } from '@harbour/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignCodeFor } from './campaign-code';

describe('a campaign’s code', () => {
  it('reads as its name', () => {
    expect(campaignCodeFor('Car washes, spring 2027', new Set())).toBe('car-washes-spring-2027');
    expect(campaignCodeFor('Ymgyrch Siopau Ewinedd – Casnewydd', new Set())).toBe('ymgyrch-siopau-ewinedd-casnewydd');
    expect(campaignCodeFor('Car washes, spring 2027', new Set(['car-washes-spring-2027']))).toBe('car-washes-spring-2027-2');
    expect(campaignCodeFor('حملة', new Set())).toBe('campaign');
  });

  it('is always a valid code that is not taken, whatever the name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{2,12}$/), { maxLength: 20 }), (name, codes) => {
        const taken = new Set(codes);
        for (let i = 0; i < 3; i++) {
          const code = campaignCodeFor(name, taken);
          expect(code).toMatch(CAMPAIGN_CODE);
          expect(taken.has(code)).toBe(false);
          taken.add(code);
        }
      }),
    );
  });
});
