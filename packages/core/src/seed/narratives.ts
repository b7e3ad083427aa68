import type { ExploitationType, ReportSource } from '../domain';
import type { Random } from './random';

/** What a generated report's words are about. */
export interface NarrativeFacts {
  readonly type: ExploitationType;
  readonly source: ReportSource;
  /** Where: a business with its address, or "an address in Newport". */
  readonly at: string;
  /** "white Ford Transit", when a vehicle is seen. */
  readonly vehicle: string | null;
  readonly child: boolean;
}

/** Who is telling, by where the report came from: each source has its own voices. */
const OPENERS: Record<ReportSource, readonly string[]> = {
  public: [
    'A neighbour reports that',
    'A member of the public called to say that',
    'An anonymous caller says that',
    'A customer noticed that',
    'Someone who lives nearby is worried that',
    'A delivery driver says that',
  ],
  officer: [
    'Officers on patrol noticed that',
    'During a licensing visit, officers found that',
    'At a roadside stop, officers learned that',
    'A PCSO on foot patrol reports that',
    'While attending a disturbance, officers saw that',
    'On a welfare check, officers found that',
  ],
  partner: [
    'A health visitor reports that',
    'The school safeguarding lead raised that',
    'A housing officer found that',
    'A GP practice referred concerns that',
    'A charity outreach worker says that',
    "The council's licensing team found that",
    'A GLAA inspector reports that',
  ],
  nrm: [
    'NRM referral, first responder the local authority:',
    'NRM referral, first responder the Salvation Army:',
    'NRM referral, first responder the Home Office:',
    'NRM referral, first responder a health trust:',
    'NRM referral, first responder Barnardo’s:',
  ],
};

/**
 * What is seen or said, by kind of exploitation: the indicators a team reads for. The first of
 * each list names the place (last, as an address reads best); the others follow in any order. Words analysts search for
 * ("documents", "passport", "debt") stand in several.
 */
const INDICATORS: Record<ExploitationType, { readonly first: readonly string[]; readonly more: readonly string[] }> = {
  labour: {
    first: [
      'workers are paid little or nothing for very long hours at {at}',
      'men seem to be living on site at {at}',
      'a group of workers is dropped off before six every morning at {at}',
      'staff are paid in cash, far below the minimum wage, at {at}',
    ],
    more: [
      'they do not hold their own documents',
      'the boss keeps their passports',
      'their documents were taken from them when they arrived',
      'they sleep on mattresses in a room above the premises',
      'their wages go into a bank account they cannot use',
      'they say they owe a debt for their travel and rent that keeps growing',
      'they have no protective clothing and one had an untreated injury',
      'none of them knows the address where they live',
      'they are not allowed to talk to customers',
    ],
  },
  sexual: {
    first: [
      'at all hours, young women are seen going in and out of {at}',
      'men visit late at night, staying twenty minutes each, at {at}',
      'a woman asked a passer-by for help before a man took her back inside {at}',
      'women are brought by car and moved on after a few weeks from {at}',
    ],
    more: [
      'they appear frightened and do not speak to anyone',
      'adverts for the address appear online under changing names',
      'a man collects the money and keeps their phones',
      'one woman had bruising and would not say how she got it',
      'they say they owe a debt for their travel to the UK',
      'their passports are held by the man who runs the place',
      'they never leave the premises alone',
    ],
  },
  criminal: {
    first: [
      'teenagers not from the area are staying at {at}',
      'young people are dealing drugs for older men from {at}',
      'a local man with learning difficulties living near {at} has had his flat taken over',
      'boys from London and Birmingham are seen every few days at {at}',
    ],
    more: [
      'their phones are controlled by older men and ring constantly',
      'one boy was reported missing from home in another county',
      'they carry cash and new clothes they could not afford',
      'they say they owe a debt for drugs that were taken from them',
      'they travel in and out of the area by train and by car',
      'one had a knife injury he would not explain',
      'they are too scared to give their names',
    ],
  },
  domestic_servitude: {
    first: [
      'a woman cooks and cleans from early morning until late for the household at {at}',
      'a young woman looks after the children and the house, unpaid, at {at}',
      'a woman brought over as a nanny is not allowed to leave {at}',
    ],
    more: [
      'she is never allowed out alone',
      'she has no money of her own and the family keeps her passport',
      'she sleeps on the kitchen floor',
      'she does not speak English and the family answers for her',
      'she says she owes the family for her journey',
    ],
  },
  organ_harvesting: {
    first: ['a person says people at {at} offered them money to travel abroad for a medical operation'],
    more: [
      'the offer was made to pay off a debt owed to the people who brought them here',
      'they were asked for medical tests and blood samples before travel',
      'their passport was taken to book the travel',
    ],
  },
  unknown: {
    first: [
      'several people share one room at {at}',
      'people come and go in a van at odd hours from {at}',
      'a large number of people seem to be living at {at}',
    ],
    more: [
      'they look tired and unwell',
      'an older man speaks for them',
      'they seem afraid to talk',
      'the curtains are always closed and the bins overflow',
      'none of them seems to have documents',
    ],
  },
};

const CHILD = ['one of them looks no older than sixteen', 'a child is among them', 'one says she is fifteen'];

const CLOSINGS: Record<ReportSource, readonly string[]> = {
  public: ['The caller did not want to give their name.', 'The caller is worried about being seen to report.', ''],
  officer: ['Intelligence submitted for development.', 'Details passed to the neighbourhood team.', ''],
  partner: ['A safeguarding referral has been made.', 'Consent to share was given.', ''],
  nrm: ['The potential victim consented to the referral.', 'It was sent to the Single Competent Authority for a reasonable grounds decision.', ''],
};

/**
 * A report's words, written as people write them: who is telling (by source), what they saw
 * (two to four indicators of the kind of exploitation, in any order), a vehicle if one was seen,
 * a child if one is there, and how it ended. Hundreds of ways to say each kind, not one template.
 */
export function narrative(rng: Random, facts: NarrativeFacts): string {
  const lines = INDICATORS[facts.type];
  const first = rng.pick(lines.first).replace('{at}', facts.at);
  const more = [...lines.more];
  const said = [first];
  for (let n = rng.int(1, 3); n > 0 && more.length > 0; n--) said.push(more.splice(rng.int(0, more.length - 1), 1)[0]!);
  if (facts.child) said.push(rng.pick(CHILD));
  const opener = rng.pick(OPENERS[facts.source]);
  const capital = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;
  // "…that workers at…" runs on; "NRM referral…: Workers at…" starts a sentence. Each further thing seen is a sentence of its own.
  const sentence = [
    opener.endsWith(':') ? `${opener} ${capital(said[0]!)}.` : `${opener} ${said[0]}.`,
    ...said.slice(1).map((line) => `${capital(line)}.`),
  ].join(' ');
  const van = facts.vehicle ? ` ${rng.pick(['A', 'Most days a', 'At night a'])} ${facts.vehicle} drops them off and collects them.` : '';
  const close = rng.pick(CLOSINGS[facts.source]);
  return `${sentence}${van}${close ? ` ${close}` : ''}`;
}
