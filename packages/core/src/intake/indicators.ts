import type { IndicatorGroup, IndicatorSource, OffenceElement } from '@harbour/contract';
import type { ExploitationType } from '../domain';

/**
 * The indicator catalogue: versioned data, not code. Each indicator says which part of the
 * offence it evidences (Act, Means or Purpose, as in the Palermo Protocol), which exploitation
 * types it points to, and how much it weighs in triage. Sources: the Home Office Modern Slavery
 * statutory guidance (indicators of modern slavery) and the ILO's 11 indicators of forced labour.
 * A new version is added beside the old, never edited in place, so a referral keeps the meaning
 * it was scored with.
 */
export type { IndicatorGroup, IndicatorSource, OffenceElement } from '@harbour/contract';

export interface Indicator {
  readonly id: string;
  readonly group: IndicatorGroup;
  readonly element: OffenceElement;
  readonly types: readonly ExploitationType[];
  /** 1 (weak on its own) to 3 (strong). */
  readonly weight: 1 | 2 | 3;
  readonly source: IndicatorSource;
  /** Points only to a child's exploitation (e.g. missing episodes). */
  readonly childOnly?: boolean;
  readonly label: { readonly en: string; readonly cy: string };
}

export interface IndicatorCatalogue {
  readonly version: string;
  readonly indicators: readonly Indicator[];
}

const ALL: readonly ExploitationType[] = ['sexual', 'labour', 'criminal', 'domestic_servitude'];

const i = (
  id: string,
  group: IndicatorGroup,
  element: OffenceElement,
  types: readonly ExploitationType[],
  weight: 1 | 2 | 3,
  source: IndicatorSource,
  en: string,
  cy: string,
  childOnly = false,
): Indicator => ({ id, group, element, types, weight, source, label: { en, cy }, ...(childOnly ? { childOnly } : {}) });

export const INDICATORS_2026_1: IndicatorCatalogue = {
  version: '2026.1',
  indicators: [
    // The ILO's 11 indicators of forced labour.
    i(
      'ilo.abuse_of_vulnerability',
      'situational',
      'means',
      ALL,
      2,
      'ilo',
      'Someone takes advantage of their vulnerability (status, language, poverty, addiction)',
      'Mae rhywun yn manteisio ar eu sefyllfa fregus (statws, iaith, tlodi, caethiwed)',
    ),
    i(
      'ilo.deception',
      'situational',
      'means',
      ALL,
      2,
      'ilo',
      'They were deceived about the work, pay or conditions',
      "Cawsant eu twyllo am y gwaith, y cyflog neu'r amodau",
    ),
    i('ilo.restriction_of_movement', 'situational', 'means', ALL, 3, 'ilo', 'They are not free to come and go', 'Nid ydynt yn rhydd i fynd a dod'),
    i('ilo.isolation', 'situational', 'means', ALL, 2, 'ilo', 'They are kept isolated from other people', 'Maent yn cael eu cadw ar wahân i bobl eraill'),
    i(
      'ilo.physical_sexual_violence',
      'physical',
      'means',
      ALL,
      3,
      'ilo',
      'They have suffered physical or sexual violence',
      'Maent wedi dioddef trais corfforol neu rywiol',
    ),
    i(
      'ilo.intimidation_threats',
      'psychological',
      'means',
      ALL,
      3,
      'ilo',
      'They or their family are threatened or intimidated',
      "Maent hwy neu eu teulu'n cael eu bygwth neu eu dychryn",
    ),
    i(
      'ilo.retention_of_documents',
      'situational',
      'means',
      ALL,
      3,
      'ilo',
      'Someone else holds their passport or identity documents',
      'Mae rhywun arall yn cadw eu pasbort neu eu dogfennau adnabod',
    ),
    i(
      'ilo.withholding_wages',
      'situational',
      'purpose',
      ['labour', 'domestic_servitude'],
      2,
      'ilo',
      'Their wages are withheld or they are paid little or nothing',
      "Mae eu cyflog yn cael ei gadw'n ôl, neu ychydig neu ddim yn cael ei dalu",
    ),
    i('ilo.debt_bondage', 'situational', 'means', ALL, 3, 'ilo', 'They owe a debt they cannot pay off', 'Mae ganddynt ddyled na allant ei thalu'),
    i(
      'ilo.abusive_conditions',
      'environmental',
      'purpose',
      ['labour', 'domestic_servitude'],
      2,
      'ilo',
      'They work or live in degrading or dangerous conditions',
      "Maent yn gweithio neu'n byw mewn amodau diraddiol neu beryglus",
    ),
    i(
      'ilo.excessive_overtime',
      'situational',
      'purpose',
      ['labour', 'domestic_servitude'],
      2,
      'ilo',
      'They work excessive hours, with no days off',
      'Maent yn gweithio oriau gormodol, heb ddiwrnodau i ffwrdd',
    ),
    // Home Office statutory guidance: physical.
    i(
      'ho.untreated_injuries',
      'physical',
      'means',
      ALL,
      2,
      'home_office',
      'Injuries that look untreated or unexplained',
      "Anafiadau sy'n edrych heb eu trin neu heb esboniad",
    ),
    i(
      'ho.malnourished_unkempt',
      'physical',
      'purpose',
      ALL,
      1,
      'home_office',
      'Looks malnourished, unkempt or exhausted',
      "Yn edrych heb ddigon o fwyd, yn flêr neu wedi blino'n lân",
    ),
    i(
      'ho.branding_tattoos',
      'physical',
      'means',
      ['sexual', 'criminal'],
      2,
      'home_office',
      'Tattoos or marks that suggest someone "owns" them',
      'Tatŵs neu farciau sy\'n awgrymu bod rhywun yn "berchen" arnynt',
    ),
    // Psychological.
    i('ho.fearful_anxious', 'psychological', 'means', ALL, 1, 'home_office', 'Fearful, anxious or withdrawn', 'Ofnus, pryderus neu encilgar'),
    i('ho.distrust_authorities', 'psychological', 'means', ALL, 1, 'home_office', 'Afraid of the police or authorities', "Ofn yr heddlu neu'r awdurdodau"),
    i(
      'ho.scripted_story',
      'psychological',
      'means',
      ALL,
      1,
      'home_office',
      'Tells a story that seems rehearsed or coached',
      "Yn adrodd stori sy'n ymddangos wedi'i dysgu neu ei hyfforddi",
    ),
    i(
      'ho.does_not_know_address',
      'psychological',
      'act',
      ALL,
      1,
      'home_office',
      'Does not know their home or work address',
      "Ddim yn gwybod cyfeiriad eu cartref na'u gwaith",
    ),
    // Situational.
    i(
      'ho.someone_speaks_for_them',
      'situational',
      'means',
      ALL,
      2,
      'home_office',
      'Someone else speaks for them or controls them',
      "Mae rhywun arall yn siarad drostynt neu'n eu rheoli",
    ),
    i(
      'ho.lives_at_workplace',
      'situational',
      'purpose',
      ['labour', 'domestic_servitude', 'sexual'],
      2,
      'home_office',
      'Lives where they work',
      'Yn byw lle maent yn gweithio',
    ),
    i(
      'ho.many_at_one_address',
      'situational',
      'act',
      ALL,
      1,
      'home_office',
      'Many people living at one small address',
      'Llawer o bobl yn byw mewn un cyfeiriad bach',
    ),
    i(
      'ho.transported_to_work',
      'situational',
      'act',
      ['labour', 'sexual'],
      2,
      'home_office',
      'Taken to and from work by others, often early or late',
      "Yn cael eu cludo i'r gwaith ac oddi yno gan eraill, yn aml yn gynnar neu'n hwyr",
    ),
    i(
      'ho.recruited_false_promises',
      'situational',
      'act',
      ALL,
      2,
      'home_office',
      'Recruited with promises of work, study or a better life',
      "Wedi'u recriwtio gydag addewidion o waith, astudio neu fywyd gwell",
    ),
    i(
      'ho.moved_between_places',
      'situational',
      'act',
      ['sexual', 'criminal'],
      2,
      'home_office',
      'Moved frequently between places or towns',
      'Yn cael eu symud yn aml rhwng lleoedd neu drefi',
    ),
    i(
      'ho.no_control_of_money',
      'situational',
      'means',
      ALL,
      2,
      'home_office',
      'Has no control of their money or bank account',
      "Dim rheolaeth dros eu harian na'u cyfrif banc",
    ),
    // Environmental and type-specific.
    i(
      'ho.high_risk_workplace',
      'environmental',
      'purpose',
      ['labour'],
      1,
      'home_office',
      'Works in a high-risk setting (car wash, nail bar, farm, factory, construction)',
      'Yn gweithio mewn lleoliad risg uchel (golchfa geir, bar ewinedd, fferm, ffatri, adeiladu)',
    ),
    i(
      'ho.sexual_services_advertised',
      'environmental',
      'purpose',
      ['sexual'],
      3,
      'home_office',
      'Sexual services advertised for them online',
      'Gwasanaethau rhyw yn cael eu hysbysebu ar eu cyfer ar-lein',
    ),
    i(
      'ho.cannabis_farm',
      'environmental',
      'purpose',
      ['criminal'],
      3,
      'home_office',
      'Found working in a cannabis farm',
      "Wedi'u canfod yn gweithio mewn fferm ganabis",
    ),
    i(
      'ho.county_lines_phone',
      'situational',
      'purpose',
      ['criminal'],
      3,
      'home_office',
      'Carries a "deal line" phone or drugs for others',
      'Yn cario ffôn "llinell werthu" neu gyffuriau i eraill',
    ),
    i(
      'ho.cuckooing',
      'environmental',
      'purpose',
      ['criminal'],
      2,
      'home_office',
      'Their home has been taken over by others (cuckooing)',
      'Mae eraill wedi meddiannu eu cartref (cuckooing)',
    ),
    i(
      'ho.forced_begging_theft',
      'situational',
      'purpose',
      ['criminal'],
      3,
      'home_office',
      'Made to beg, steal or commit crimes for others',
      'Yn cael eu gorfodi i gardota, dwyn neu droseddu dros eraill',
    ),
    i(
      'ho.domestic_never_alone',
      'situational',
      'purpose',
      ['domestic_servitude'],
      3,
      'home_office',
      'Does all the housework for a family and is never allowed out alone',
      'Yn gwneud holl waith tŷ teulu a byth yn cael mynd allan ar eu pen eu hunain',
    ),
    i(
      'ho.organ_removal_offer',
      'situational',
      'purpose',
      ['organ_harvesting'],
      3,
      'home_office',
      'Offered money or travel for a medical operation',
      'Wedi cael cynnig arian neu deithio ar gyfer llawdriniaeth feddygol',
    ),
    // Children.
    i(
      'ho.child_missing_episodes',
      'situational',
      'act',
      ['criminal', 'sexual'],
      3,
      'home_office',
      'A child who goes missing, or is found far from home',
      "Plentyn sy'n mynd ar goll, neu'n cael ei ganfod ymhell o gartref",
      true,
    ),
    i(
      'ho.child_unexplained_gifts',
      'situational',
      'means',
      ['criminal', 'sexual'],
      2,
      'home_office',
      'A child with unexplained money, phones, clothes or gifts',
      'Plentyn ag arian, ffonau, dillad neu anrhegion heb esboniad',
      true,
    ),
    i(
      'ho.child_older_partner',
      'situational',
      'means',
      ['sexual'],
      3,
      'home_office',
      'A child with an older "boyfriend" or "girlfriend" who controls them',
      'Plentyn â "chariad" hŷn sy\'n eu rheoli',
      true,
    ),
  ],
};

export const CURRENT_CATALOGUE = INDICATORS_2026_1;
// A Map, not an object: a version typed as "valueOf" or "__proto__" must find nothing.
export const CATALOGUES: ReadonlyMap<string, IndicatorCatalogue> = new Map([[INDICATORS_2026_1.version, INDICATORS_2026_1]]);

export function indicatorById(catalogue: IndicatorCatalogue, id: string): Indicator | undefined {
  return catalogue.indicators.find((x) => x.id === id);
}
