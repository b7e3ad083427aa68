/** Roles a Harbour account can hold (DESIGN §1). One role per account. */
export const ROLES = ['admin', 'supervisor', 'investigator', 'researcher', 'analyst', 'officer', 'partner', 'partner_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles of a partner agency's staff: a partner user, and one who also looks after the agency's accounts' use of Harbour. */
export const PARTNER_ROLES = ['partner', 'partner_admin'] as const satisfies readonly Role[];

export const AGENCY_KINDS = ['police', 'local_authority', 'health', 'charity', 'glaa', 'home_office', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** What an administrator can do to an account besides creating it. */
export const ACCOUNT_ACTIONS = ['disable', 'enable', 'unlock-second-factor'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

/**
 * The one place that decides who may do what. Every HTTP route names one of these;
 * the server refuses to register a route that does not. Who holds each is core's policy.
 */
export const PERMISSIONS = {
  /** Anyone, signed in or not (health, sign-in, the public portal). */
  public: 'public',
  /** A session that has passed the password but may still owe its second factor. */
  secondFactor: 'session:second-factor',
  /** Any fully signed-in account: its own profile, sign-out. */
  self: 'self',
  usersRead: 'users:read',
  usersManage: 'users:manage',
  agenciesRead: 'agencies:read',
  agenciesManage: 'agencies:manage',
  auditRead: 'audit:read',
  /** See what one's own agency's staff read and changed in Harbour (a partner agency's administrator). */
  auditAgency: 'audit:agency',
  /** See Harbour's background jobs: when each last ran, what it did, what failed. */
  jobsRead: 'jobs:read',
  /** Aggregate figures of reports (no personal data). */
  reportsOverview: 'reports:overview',
  /**
   * Read a report whole (what it says, what and whom it mentions, its photos): the team, and the
   * researchers and analysts whose picture is built from reports. Audited like every read.
   */
  reportsRead: 'reports:read',
  /** Work the triage queue: question reporters, grade and assign. */
  reportsTriage: 'reports:triage',
  /** Refer a potential victim with the indicator checklist (any colleague or partner). */
  referralsCreate: 'referrals:create',
  /** Search the picture and open its entities (people, phones, vehicles, businesses, addresses). */
  pictureSearch: 'picture:search',
  /** Decide review pairs, merge, split and undo: correct who is who in the picture. */
  pictureResolve: 'picture:resolve',
  /** Set the matching thresholds and retrain the match model. */
  pictureConfigure: 'picture:configure',
  /** Import call data and other link lists into the picture. */
  linksImport: 'links:import',
  /** Export de-identified, k-anonymous case-level rows for research. */
  figuresExport: 'figures:export',
  /** Read the force's cases (investigations and operations): their reports, people, history and notes. */
  casesRead: 'cases:read',
  /** Open cases, link reports and people to them, move them on, write notes; closing is a supervisor's to approve. */
  casesWork: 'cases:work',
  /** Share a case with a partner agency under an information-sharing agreement, and withdraw it. */
  casesShare: 'cases:share',
  /** Read the cases shared with one's agency, as its agreement allows, and add the agency's notes. */
  casesShared: 'cases:shared',
  /** Record and end information-sharing agreements with partner agencies. */
  sharingManage: 'sharing:manage',
  /** Work the tasks owned by oneself or by one's agency: see them, record what was done. */
  tasksWork: 'tasks:work',
  /** See every open task on the agency's cases, by owner. */
  tasksOversee: 'tasks:oversee',
  /** Review records under the retention schedule: keep them with a reason, or delete them. */
  recordsReview: 'records:review',
  /** Exchange cases with other systems as HTCDS files (export with people's details, import). */
  casesExchange: 'cases:exchange',
  /** Import a spreadsheet (CSV) of referrals; each agency sees its own imports only. */
  importsRun: 'imports:run',
  /** Grant a researcher named access for a purpose, for a while, and end it. */
  accessGrant: 'access:grant',
  /** Take the force's courses on trafficking: read their modules, sit their quizzes, get a certificate. */
  trainingTake: 'training:take',
  /** Write the courses, in English and Welsh, and publish a new version. */
  trainingAuthor: 'training:author',
  /** The force's units and establishment, courses set for units, and who is trained: the DS and the administrator. */
  trainingManage: 'training:manage',
  /** Awareness work: campaigns, posters and leaflets (the resource library), and the events held. */
  preventRecord: 'prevent:record',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];
