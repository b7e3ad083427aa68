import type { ExploitationType, ReportSource } from '../domain';
import type { NarrativeFacts } from './narratives';
import type { Random } from './random';

/**
 * Reports written in Welsh, as a Welsh speaker in Gwent writes one to the police or a partner
 * (the portal and the referral form take Welsh): who is telling, what they saw, how it ended.
 * Each opener ends in "bod", so what was seen follows as a clause; each further thing seen is a
 * sentence of its own. Place names stay as the area gives them. NRM referrals are made on the
 * Home Office's English form, so none is in Welsh.
 */
const OPENERS: Record<Exclude<ReportSource, 'nrm'>, readonly string[]> = {
  public: [
    'Mae cymydog yn dweud bod',
    'Galwodd aelod o’r cyhoedd i ddweud bod',
    'Mae galwr dienw yn dweud bod',
    'Sylwodd cwsmer bod',
    'Mae rhywun sy’n byw gerllaw yn poeni bod',
  ],
  officer: ['Sylwodd swyddogion ar batrôl bod', 'Yn ystod ymweliad trwyddedu, canfu swyddogion bod', 'Mae SCCH ar batrôl yn adrodd bod'],
  partner: [
    'Mae ymwelydd iechyd yn adrodd bod',
    'Cododd arweinydd diogelu’r ysgol bryder bod',
    'Canfu swyddog tai bod',
    'Mae gweithiwr allgymorth elusen yn dweud bod',
  ],
};

const INDICATORS: Record<ExploitationType, { readonly first: readonly string[]; readonly more: readonly string[] }> = {
  labour: {
    first: [
      'gweithwyr yn cael eu talu ychydig neu ddim am oriau hir iawn yn {at}',
      'dynion i’w gweld yn byw ar y safle yn {at}',
      'grŵp o weithwyr yn cael eu gollwng cyn chwech bob bore yn {at}',
      'staff yn cael eu talu mewn arian parod, ymhell islaw’r isafswm cyflog, yn {at}',
    ],
    more: [
      'Does ganddyn nhw ddim o’u dogfennau eu hunain.',
      'Mae’r bòs yn cadw eu pasbortau.',
      'Maen nhw’n cysgu ar fatresi mewn ystafell uwchben y safle.',
      'Mae eu cyflogau’n mynd i gyfrif banc na allan nhw ei ddefnyddio.',
      'Maen nhw’n dweud bod arnyn nhw ddyled am eu taith a’u rhent sy’n dal i dyfu.',
      'Does ganddyn nhw ddim dillad amddiffynnol ac roedd gan un anaf heb ei drin.',
    ],
  },
  sexual: {
    first: [
      'menywod ifanc i’w gweld yn mynd i mewn ac allan o {at} ar bob awr',
      'dynion yn ymweld yn hwyr yn y nos, am ugain munud yr un, yn {at}',
      'menywod yn cael eu dwyn mewn car a’u symud ymlaen ar ôl ychydig wythnosau o {at}',
    ],
    more: [
      'Maen nhw’n edrych yn ofnus a dydyn nhw ddim yn siarad â neb.',
      'Mae dyn yn casglu’r arian ac yn cadw eu ffonau.',
      'Mae hysbysebion am y cyfeiriad yn ymddangos ar-lein dan enwau gwahanol.',
      'Dydyn nhw byth yn gadael y safle ar eu pennau eu hunain.',
      'Mae’r dyn sy’n rhedeg y lle yn cadw eu pasbortau.',
    ],
  },
  criminal: {
    first: [
      'pobl ifanc nad ydynt o’r ardal yn aros yn {at}',
      'pobl ifanc yn delio cyffuriau i ddynion hŷn o {at}',
      'bechgyn o Lundain a Birmingham i’w gweld bob ychydig ddyddiau yn {at}',
    ],
    more: [
      'Mae eu ffonau dan reolaeth dynion hŷn ac yn canu drwy’r amser.',
      'Cafodd un bachgen ei adrodd ar goll o’i gartref mewn sir arall.',
      'Maen nhw’n cario arian parod a dillad newydd na allen nhw eu fforddio.',
      'Maen nhw’n dweud bod arnyn nhw ddyled am gyffuriau a gafodd eu cymryd oddi arnyn nhw.',
      'Maen nhw’n rhy ofnus i roi eu henwau.',
    ],
  },
  domestic_servitude: {
    first: ['menyw yn coginio ac yn glanhau o fore gwyn tan nos i’r teulu yn {at}', 'menyw ifanc yn gofalu am y plant a’r tŷ, heb dâl, yn {at}'],
    more: [
      'Dydy hi byth yn cael mynd allan ar ei phen ei hun.',
      'Does ganddi ddim arian ei hun ac mae’r teulu’n cadw ei phasbort.',
      'Mae hi’n cysgu ar lawr y gegin.',
      'Dydy hi ddim yn siarad Saesneg ac mae’r teulu’n ateb drosti.',
    ],
  },
  organ_harvesting: {
    first: ['pobl yn {at} wedi cynnig arian i rywun deithio dramor am lawdriniaeth feddygol'],
    more: ['Roedd y cynnig i dalu dyled i’r bobl a ddaeth â nhw yma.', 'Gofynnwyd am brofion meddygol a samplau gwaed cyn teithio.'],
  },
  unknown: {
    first: ['sawl person yn rhannu un ystafell yn {at}', 'pobl yn mynd a dod mewn fan ar oriau od o {at}', 'llawer o bobl i’w gweld yn byw yn {at}'],
    more: [
      'Maen nhw’n edrych yn flinedig ac yn sâl.',
      'Mae dyn hŷn yn siarad drostyn nhw.',
      'Maen nhw’n ymddangos yn ofnus i siarad.',
      'Mae’r llenni ar gau bob amser ac mae’r biniau’n gorlifo.',
    ],
  },
};

const CHILD = ['Dydy un ohonyn nhw ddim yn edrych yn hŷn nag un ar bymtheg.', 'Mae plentyn yn eu plith.', 'Mae un yn dweud ei bod hi’n bymtheg oed.'];

const CLOSINGS: Record<Exclude<ReportSource, 'nrm'>, readonly string[]> = {
  public: ['Doedd y galwr ddim eisiau rhoi ei enw.', 'Mae’r galwr yn poeni am gael ei weld yn adrodd.', ''],
  officer: ['Cyflwynwyd y wybodaeth i’w datblygu.', 'Trosglwyddwyd y manylion i’r tîm cymdogaeth.', ''],
  partner: ['Mae atgyfeiriad diogelu wedi’i wneud.', 'Rhoddwyd caniatâd i rannu.', ''],
};

/** Whether a report from this source may be written in Welsh. */
export function writtenInWelshFrom(source: ReportSource): source is Exclude<ReportSource, 'nrm'> {
  return source !== 'nrm';
}

/**
 * A report's words in Welsh: the same facts as `narrative` tells in English, said as a Welsh
 * speaker says them. `at` is the place as `narrative` gets it, or, with no business named, the town
 * (an address "in the area of" it).
 */
export function narrativeCy(rng: Random, facts: NarrativeFacts & { source: Exclude<ReportSource, 'nrm'>; town: string; named: boolean }): string {
  const lines = INDICATORS[facts.type];
  // "At a business" names it; "at an address" is "mewn cyfeiriad", and "from" one mutates ("o gyfeiriad").
  const where = (line: string) =>
    facts.named
      ? line.replace('{at}', facts.at)
      : line.replace('yn {at}', `mewn cyfeiriad yn ardal ${facts.town}`).replace('o {at}', `o gyfeiriad yn ardal ${facts.town}`);
  const said = [`${rng.pick(OPENERS[facts.source])} ${where(rng.pick(lines.first))}.`];
  const more = [...lines.more];
  for (let n = rng.int(1, 3); n > 0 && more.length > 0; n--) said.push(more.splice(rng.int(0, more.length - 1), 1)[0]!);
  if (facts.child) said.push(rng.pick(CHILD));
  if (facts.vehicle) said.push(`Mae cerbyd (${facts.vehicle}) yn eu gollwng ac yn eu casglu.`);
  const close = rng.pick(CLOSINGS[facts.source]);
  if (close) said.push(close);
  return said.join(' ');
}
