/** The words of a problem profile, in English and Welsh: the report is generated in either. */
import type { ProfileLanguage } from '@harbour/contract';

export type { ProfileLanguage };

export interface ProfileWords {
  readonly title: (place: string) => string;
  readonly subtitle: (from: string, to: string) => string;
  readonly generated: (when: string) => string;
  readonly audience: { readonly internal: string; readonly external: string };
  readonly sections: Readonly<Record<'summary' | 'trends' | 'exploitation' | 'areas' | 'victims' | 'networks' | 'fourP' | 'caveats', string>>;
  readonly summary: {
    readonly reports: (reports: string, victims: string, from: string, to: string) => string;
    readonly up: (count: string, percent: string, from: string, to: string) => string;
    readonly down: (count: string, percent: string, from: string, to: string) => string;
    readonly same: (from: string, to: string) => string;
    readonly fromNone: (from: string, to: string) => string;
    readonly children: (children: string) => string;
    readonly topType: (type: string, count: string) => string;
    readonly topArea: (area: string, count: string) => string;
  };
  readonly headings: Readonly<
    Record<
      'period' | 'reports' | 'victims' | 'type' | 'area' | 'gender' | 'nationality' | 'age' | 'ageBand' | 'source' | 'total' | 'measure' | 'strand' | 'number',
      string
    >
  >;
  readonly tables: Readonly<Record<'trend' | 'types' | 'typesByArea' | 'areas' | 'gender' | 'nationality' | 'ageBands' | 'age' | 'sources' | 'fourP', string>>;
  readonly types: Readonly<Record<string, string>>;
  readonly sources: Readonly<Record<string, string>>;
  readonly genders: Readonly<Record<string, string>>;
  readonly ages: Readonly<Record<string, string>>;
  /** Age bands of potential victims (AGE_BANDS), as the dashboard names them. */
  readonly ageBands: Readonly<Record<string, string>>;
  readonly areaUnknown: string;
  readonly nationalityUnknown: string;
  readonly otherNationalities: string;
  readonly typeNote: string;
  readonly networks: {
    readonly found: (networks: string, children: string, largest: string) => string;
    readonly none: string;
  };
  readonly fourP: {
    readonly pursue: string;
    readonly protect: string;
    readonly prevent: string;
    readonly prepare: string;
    readonly networks: string;
    readonly referrals: string;
    readonly nrm: string;
    readonly victims: string;
    readonly childReports: string;
    readonly publicReports: string;
    readonly awarenessEvents: string;
    readonly peopleReached: string;
    readonly handedOut: string;
    readonly campaignReports: string;
    readonly notRecorded: string;
    /** Colleagues in date with every course, of the establishment's headcount. */
    readonly trained: (establishment: string) => string;
    readonly trainedInAny: string;
    readonly refresherOverdue: string;
    readonly casesOpened: string;
    readonly peopleArrested: string;
    readonly peopleCharged: string;
    readonly charges: Readonly<Record<'msa_s1' | 'msa_s2' | 'msa_s4' | 'other', string>>;
    readonly peopleConvicted: string;
    readonly orders: Readonly<Record<'stpo' | 'stro', string>>;
    readonly peopleReferredToNrm: string;
    readonly peopleNotified: string;
    readonly rgPositive: string;
    readonly cgPositive: string;
    readonly peopleWithPlans: string;
  };
  readonly caveats: readonly string[];
  /** Said in place of a table with nothing to count in it. */
  readonly noneInPeriod: string;
  /** The analyst's own parts of a written profile, and who wrote and issued it. */
  readonly authored: {
    readonly keyJudgements: string;
    readonly intelligenceGaps: string;
    readonly recommendations: (strand: string) => string;
    readonly notWritten: string;
    readonly preparedBy: (author: string) => string;
    readonly draft: string;
    readonly issued: (when: string, by: string) => string;
  };
  readonly suppressed: string;
  readonly withheld: string;
}

export const PROFILE_WORDS: Readonly<Record<ProfileLanguage, ProfileWords>> = {
  en: {
    title: (place) => `Modern slavery and human trafficking: problem profile for ${place}`,
    subtitle: (from, to) => `Reports received from ${from} to ${to}`,
    generated: (when) => `Produced by Harbour on ${when}`,
    audience: {
      internal: 'For the team and its partners: figures in full. Do not publish.',
      external: 'For publication: numbers from 1 to 4 are shown as <5, and other numbers withheld (*) where they would give one away.',
    },
    sections: {
      summary: 'Summary',
      trends: 'Trends',
      exploitation: 'Types of exploitation',
      areas: 'Areas',
      victims: 'Potential victims',
      networks: 'Networks',
      fourP: 'Pursue, Protect, Prevent, Prepare',
      caveats: 'About these figures',
    },
    summary: {
      reports: (reports, victims, from, to) =>
        `Harbour holds ${reports} reports of modern slavery and human trafficking received from ${from} to ${to}, about ${victims} potential victims.`,
      up: (count, percent, from, to) => `That is ${count} more (${percent}) than in the period before, ${from} to ${to}.`,
      down: (count, percent, from, to) => `That is ${count} fewer (${percent}) than in the period before, ${from} to ${to}.`,
      same: (from, to) => `That is as many as in the period before, ${from} to ${to}.`,
      fromNone: (from, to) => `No reports were received in the period before, ${from} to ${to}.`,
      children: (children) => `${children} of the reports concerned children.`,
      topType: (type, count) => `The most often reported type of exploitation was ${type} (${count} reports).`,
      topArea: (area, count) => `Most reports came from ${area} (${count}).`,
    },
    headings: {
      period: 'Period',
      reports: 'Reports',
      victims: 'Potential victims',
      type: 'Type of exploitation',
      area: 'Local authority',
      gender: 'Gender',
      nationality: 'Nationality',
      age: 'Children or adults',
      ageBand: 'Age',
      source: 'Where reports came from',
      total: 'Total',
      measure: 'Measure',
      strand: 'Strand',
      number: 'Number',
    },
    tables: {
      trend: 'Reports by period',
      types: 'Reports by type of exploitation',
      typesByArea: 'Reports by type of exploitation and local authority',
      areas: 'Reports by local authority',
      gender: 'Potential victims by gender',
      nationality: 'Potential victims by nationality',
      ageBands: 'Potential victims by age',
      age: 'Reports about children and adults',
      sources: 'Reports by where they came from',
      fourP: 'Activity recorded in Harbour',
    },
    types: {
      sexual: 'Sexual',
      labour: 'Labour',
      criminal: 'Criminal (including county lines)',
      domestic_servitude: 'Domestic servitude',
      organ_harvesting: 'Organ harvesting',
      unknown: 'Not known',
    },
    sources: { public: 'Public', officer: 'Officer', partner: 'Partner agency', nrm: 'National Referral Mechanism' },
    genders: { female: 'Female', male: 'Male', other: 'Other', unknown: 'Not known' },
    ages: { child: 'Children', adult: 'Adults only' },
    ageBands: {
      under_18: 'Under 18',
      '18_24': '18 to 24',
      '25_34': '25 to 34',
      '35_44': '35 to 44',
      '45_54': '45 to 54',
      '55_plus': '55 and over',
      unknown: 'Not known',
    },
    areaUnknown: 'Area not known',
    nationalityUnknown: 'Not known',
    otherNationalities: 'Other nationalities',
    typeNote: 'A report of more than one type of exploitation is counted under each, so types add up to more than the reports.',
    networks: {
      found: (networks, children, largest) =>
        `Link analysis finds ${networks} networks of three or more people, phones, vehicles, businesses and places joined by the reports that mention them together; ${children} involve a child. The largest has ${largest} members.`,
      none: 'Link analysis finds no networks of three or more linked people, phones, vehicles, businesses or places in these reports.',
    },
    fourP: {
      pursue: 'Pursue',
      protect: 'Protect',
      prevent: 'Prevent',
      prepare: 'Prepare',
      networks: 'Networks identified by link analysis',
      referrals: 'Referrals by officers and partner agencies',
      nrm: 'Referrals from the National Referral Mechanism',
      victims: 'Potential victims reported',
      childReports: 'Reports concerning children',
      publicReports: 'Reports from the public',
      awarenessEvents: 'Awareness events held',
      peopleReached: 'People at awareness events',
      handedOut: 'Posters and leaflets handed out at events',
      campaignReports: 'Public reports made from a campaign’s QR code',
      notRecorded: 'Not yet recorded in Harbour',
      trained: (n) => `Colleagues trained, in date with every course (of ${n} in the establishment, today)`,
      trainedInAny: 'Colleagues in date with at least one course (today)',
      refresherOverdue: 'Colleagues with a refresher overdue (today)',
      casesOpened: 'Cases opened',
      peopleArrested: 'People arrested',
      peopleCharged: 'People charged',
      charges: {
        msa_s1: 'Charges of slavery, servitude or forced labour (Modern Slavery Act s1)',
        msa_s2: 'Charges of human trafficking (Modern Slavery Act s2)',
        msa_s4: 'Charges of an offence with intent to traffic (Modern Slavery Act s4)',
        other: 'Charges of related offences',
      },
      peopleConvicted: 'People convicted',
      orders: { stpo: 'Slavery and Trafficking Prevention Orders made', stro: 'Slavery and Trafficking Risk Orders made' },
      peopleReferredToNrm: 'People the team referred to the NRM',
      peopleNotified: 'Adults notified to the Home Office (Duty to Notify)',
      rgPositive: 'Positive Reasonable Grounds decisions',
      cgPositive: 'Positive Conclusive Grounds decisions',
      peopleWithPlans: 'People given a safeguarding plan',
    },
    caveats: [
      'Reports are counted by the month they were received, in UK time. Call data imported for link analysis is not a report and is never counted.',
      'A report can name several potential victims, and one person can be the subject of several reports: each potential victim is counted once, as the person the picture resolves their records to. Children and adults are counted by report.',
      'Nationality is read from what was written ("Albanian", "Albania", "ALB") and counted by country; what names no country is "Not known".',
      'Areas are the local authority a report was made about; a report with no area is counted as "Area not known".',
      'Casework (cases, arrests, charges, orders, NRM referrals and decisions, safeguarding plans) is counted by the date it happened, each person once; charges and orders are counted as made. Training is counted as it stands on the day the profile is made, not within the period: colleagues of the force’s establishment in date with every published course. Awareness events are counted by the day they were held; public reports made from a campaign’s QR code are counted by the campaign’s tag, the same for everyone who scans it, so no reporter is identified by it.',
    ],
    noneInPeriod: 'Nothing of this kind was counted in the period.',
    authored: {
      keyJudgements: 'Key judgements',
      intelligenceGaps: 'Intelligence gaps',
      recommendations: (strand) => `Recommendations: ${strand}`,
      notWritten: '[Not written yet]',
      preparedBy: (author) => `Prepared by ${author}`,
      draft: 'Draft, not issued: its figures are counted afresh each time it is read.',
      issued: (when, by) => `Issued on ${when} by ${by}; its figures are as they were then.`,
    },
    suppressed: '<5',
    withheld: '*',
  },
  cy: {
    title: (place) => `Caethwasiaeth fodern a masnachu pobl: proffil problem ar gyfer ${place}`,
    subtitle: (from, to) => `Adroddiadau a ddaeth i law o ${from} i ${to}`,
    generated: (when) => `Cynhyrchwyd gan Harbour ar ${when}`,
    audience: {
      internal: "Ar gyfer y tîm a'i bartneriaid: ffigurau llawn. Peidiwch â chyhoeddi.",
      external: "I'w gyhoeddi: dangosir rhifau o 1 i 4 fel <5, ac atalir rhifau eraill (*) lle byddent yn datgelu un.",
    },
    sections: {
      summary: 'Crynodeb',
      trends: 'Tueddiadau',
      exploitation: 'Mathau o gamfanteisio',
      areas: 'Ardaloedd',
      victims: 'Dioddefwyr posibl',
      networks: 'Rhwydweithiau',
      fourP: 'Erlyn, Diogelu, Atal, Paratoi',
      caveats: 'Am y ffigurau hyn',
    },
    summary: {
      reports: (reports, victims, from, to) =>
        `Mae gan Harbour ${reports} o adroddiadau am gaethwasiaeth fodern a masnachu pobl a ddaeth i law o ${from} i ${to}, am ${victims} o ddioddefwyr posibl.`,
      up: (count, percent, from, to) => `Mae hynny ${count} yn fwy (${percent}) nag yn y cyfnod cynt, ${from} i ${to}.`,
      down: (count, percent, from, to) => `Mae hynny ${count} yn llai (${percent}) nag yn y cyfnod cynt, ${from} i ${to}.`,
      same: (from, to) => `Mae hynny'r un faint ag yn y cyfnod cynt, ${from} i ${to}.`,
      fromNone: (from, to) => `Ni ddaeth unrhyw adroddiadau i law yn y cyfnod cynt, ${from} i ${to}.`,
      children: (children) => `Roedd ${children} o'r adroddiadau yn ymwneud â phlant.`,
      topType: (type, count) => `Y math o gamfanteisio a adroddwyd amlaf oedd ${type} (${count} o adroddiadau).`,
      topArea: (area, count) => `Daeth y nifer fwyaf o adroddiadau o ${area} (${count}).`,
    },
    headings: {
      period: 'Cyfnod',
      reports: 'Adroddiadau',
      victims: 'Dioddefwyr posibl',
      type: 'Math o gamfanteisio',
      area: 'Awdurdod lleol',
      gender: 'Rhywedd',
      nationality: 'Cenedligrwydd',
      age: 'Plant neu oedolion',
      ageBand: 'Oedran',
      source: 'O ble y daeth adroddiadau',
      total: 'Cyfanswm',
      measure: 'Mesur',
      strand: 'Elfen',
      number: 'Nifer',
    },
    tables: {
      trend: 'Adroddiadau fesul cyfnod',
      types: 'Adroddiadau fesul math o gamfanteisio',
      typesByArea: 'Adroddiadau fesul math o gamfanteisio ac awdurdod lleol',
      areas: 'Adroddiadau fesul awdurdod lleol',
      gender: 'Dioddefwyr posibl yn ôl rhywedd',
      nationality: 'Dioddefwyr posibl yn ôl cenedligrwydd',
      ageBands: 'Dioddefwyr posibl yn ôl oedran',
      age: 'Adroddiadau am blant ac oedolion',
      sources: 'Adroddiadau yn ôl o ble y daethant',
      fourP: 'Gweithgarwch a gofnodwyd yn Harbour',
    },
    types: {
      sexual: 'Rhywiol',
      labour: 'Llafur',
      criminal: 'Troseddol (gan gynnwys llinellau cyffuriau)',
      domestic_servitude: 'Caethwasanaeth ddomestig',
      organ_harvesting: 'Cynaeafu organau',
      unknown: 'Ddim yn hysbys',
    },
    sources: { public: 'Y cyhoedd', officer: 'Swyddog', partner: 'Asiantaeth bartner', nrm: 'Mecanwaith Atgyfeirio Cenedlaethol' },
    genders: { female: 'Benyw', male: 'Gwryw', other: 'Arall', unknown: 'Ddim yn hysbys' },
    ages: { child: 'Plant', adult: 'Oedolion yn unig' },
    ageBands: {
      under_18: 'Dan 18',
      '18_24': '18 i 24',
      '25_34': '25 i 34',
      '35_44': '35 i 44',
      '45_54': '45 i 54',
      '55_plus': '55 a hŷn',
      unknown: 'Ddim yn hysbys',
    },
    areaUnknown: 'Ardal ddim yn hysbys',
    nationalityUnknown: 'Ddim yn hysbys',
    otherNationalities: 'Cenedligrwydd eraill',
    typeNote: "Caiff adroddiad am fwy nag un math o gamfanteisio ei gyfrif o dan bob un, felly mae'r mathau'n adio i fwy na'r adroddiadau.",
    networks: {
      found: (networks, children, largest) =>
        `Mae dadansoddi cysylltiadau yn canfod ${networks} o rwydweithiau o dri neu fwy o bobl, ffonau, cerbydau, busnesau a lleoedd wedi'u cysylltu gan yr adroddiadau sy'n sôn amdanynt gyda'i gilydd; mae ${children} yn cynnwys plentyn. Mae gan yr un mwyaf ${largest} o aelodau.`,
      none: 'Nid yw dadansoddi cysylltiadau yn canfod unrhyw rwydweithiau o dri neu fwy o bobl, ffonau, cerbydau, busnesau neu leoedd cysylltiedig yn yr adroddiadau hyn.',
    },
    fourP: {
      pursue: 'Erlyn',
      protect: 'Diogelu',
      prevent: 'Atal',
      prepare: 'Paratoi',
      networks: 'Rhwydweithiau a ganfuwyd drwy ddadansoddi cysylltiadau',
      referrals: 'Atgyfeiriadau gan swyddogion ac asiantaethau partner',
      nrm: "Atgyfeiriadau o'r Mecanwaith Atgyfeirio Cenedlaethol",
      victims: 'Dioddefwyr posibl a adroddwyd',
      childReports: 'Adroddiadau am blant',
      publicReports: 'Adroddiadau gan y cyhoedd',
      awarenessEvents: 'Digwyddiadau codi ymwybyddiaeth a gynhaliwyd',
      peopleReached: 'Pobl mewn digwyddiadau codi ymwybyddiaeth',
      handedOut: 'Posteri a thaflenni a roddwyd mewn digwyddiadau',
      campaignReports: 'Adroddiadau gan y cyhoedd drwy god QR ymgyrch',
      notRecorded: 'Heb ei gofnodi yn Harbour eto',
      trained: (n) => `Cydweithwyr wedi’u hyfforddi, yn gyfredol gyda phob cwrs (o ${n} yn y sefydliad, heddiw)`,
      trainedInAny: 'Cydweithwyr sy’n gyfredol gydag o leiaf un cwrs (heddiw)',
      refresherOverdue: 'Cydweithwyr â chwrs gloywi’n hwyr (heddiw)',
      casesOpened: 'Achosion a agorwyd',
      peopleArrested: 'Pobl a arestiwyd',
      peopleCharged: 'Pobl a gyhuddwyd',
      charges: {
        msa_s1: 'Cyhuddiadau o gaethwasiaeth, caethiwed neu lafur gorfodol (Deddf Caethwasiaeth Fodern a1)',
        msa_s2: 'Cyhuddiadau o fasnachu pobl (Deddf Caethwasiaeth Fodern a2)',
        msa_s4: 'Cyhuddiadau o drosedd gyda’r bwriad o fasnachu (Deddf Caethwasiaeth Fodern a4)',
        other: 'Cyhuddiadau o droseddau cysylltiedig',
      },
      peopleConvicted: 'Pobl a gafwyd yn euog',
      orders: { stpo: 'Gorchmynion Atal Caethwasiaeth a Masnachu Pobl a wnaed', stro: 'Gorchmynion Risg Caethwasiaeth a Masnachu Pobl a wnaed' },
      peopleReferredToNrm: 'Pobl a atgyfeiriodd y tîm i’r NRM',
      peopleNotified: 'Oedolion a hysbyswyd i’r Swyddfa Gartref (Dyletswydd i Hysbysu)',
      rgPositive: 'Penderfyniadau Sail Resymol cadarnhaol',
      cgPositive: 'Penderfyniadau Sail Derfynol cadarnhaol',
      peopleWithPlans: 'Pobl a gafodd gynllun diogelu',
    },
    caveats: [
      'Caiff adroddiadau eu cyfrif yn ôl y mis y daethant i law, yn amser y DU. Nid yw data galwadau a fewnforiwyd ar gyfer dadansoddi cysylltiadau yn adroddiad ac nid yw byth yn cael ei gyfrif.',
      "Gall adroddiad enwi sawl dioddefwr posibl, a gall un person fod yn destun sawl adroddiad: caiff pob dioddefwr posibl ei gyfrif unwaith, fel y person y mae'r darlun yn cysylltu ei gofnodion ag ef. Caiff plant ac oedolion eu cyfrif fesul adroddiad.",
      'Darllenir cenedligrwydd o\'r hyn a ysgrifennwyd ("Albanian", "Albania", "ALB") a\'i gyfrif fesul gwlad; mae\'r hyn nad yw\'n enwi unrhyw wlad yn "Ddim yn hysbys".',
      'Yr ardaloedd yw\'r awdurdod lleol y gwnaed adroddiad amdano; caiff adroddiad heb ardal ei gyfrif fel "Ardal ddim yn hysbys".',
      "Caiff gwaith achos (achosion, arestiadau, cyhuddiadau, gorchmynion, atgyfeiriadau a phenderfyniadau NRM, cynlluniau diogelu) ei gyfrif yn ôl y dyddiad y digwyddodd, pob person unwaith; caiff cyhuddiadau a gorchmynion eu cyfrif fel y'u gwnaed. Caiff hyfforddiant ei gyfrif fel y mae ar y diwrnod y gwneir y proffil, nid o fewn y cyfnod: cydweithwyr o sefydliad yr heddlu sy'n gyfredol gyda phob cwrs a gyhoeddwyd. Caiff digwyddiadau codi ymwybyddiaeth eu cyfrif yn ôl y diwrnod y'u cynhaliwyd; caiff adroddiadau gan y cyhoedd drwy god QR ymgyrch eu cyfrif yn ôl tag yr ymgyrch, sydd yr un fath i bawb sy'n ei sganio, felly nid yw'n adnabod neb a adroddodd.",
    ],
    noneInPeriod: "Ni chafodd dim o'r math hwn ei gyfrif yn y cyfnod.",
    authored: {
      keyJudgements: 'Dyfarniadau allweddol',
      intelligenceGaps: 'Bylchau cudd-wybodaeth',
      recommendations: (strand) => `Argymhellion: ${strand}`,
      notWritten: '[Heb ei ysgrifennu eto]',
      preparedBy: (author) => `Paratowyd gan ${author}`,
      draft: "Drafft, heb ei ryddhau: caiff ei ffigurau eu cyfrif o'r newydd bob tro y caiff ei ddarllen.",
      issued: (when, by) => `Rhyddhawyd ar ${when} gan ${by}; mae ei ffigurau fel yr oeddent bryd hynny.`,
    },
    suppressed: '<5',
    withheld: '*',
  },
};
