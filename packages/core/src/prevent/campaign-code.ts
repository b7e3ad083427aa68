import { CAMPAIGN_CODE } from '@harbour/contract';

const LONGEST = 32;

/**
 * The code a campaign's QR codes carry, from its name: "Car washes, spring 2027" is
 * `car-washes-spring-2027`, plain enough to read in a link, and numbered on when taken. A code
 * names a campaign, never a place or person: it reaches the public on paper.
 */
export function campaignCodeFor(name: string, taken: ReadonlySet<string>): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LONGEST)
    .replace(/-+$/, '');
  const base = words.length >= 2 ? words : `campaign${words ? `-${words}` : ''}`;
  for (let n = 1; ; n++) {
    const code = n === 1 ? base : `${base.slice(0, LONGEST - String(n).length - 1).replace(/-+$/, '')}-${n}`;
    if (!taken.has(code) && CAMPAIGN_CODE.test(code)) return code;
  }
}
