import { EXPLOITATION_TYPES, GENDERS, INDICATOR_GROUPS, REFERRAL_PERSON_ROLES } from '@harbour/contract/vocabulary';
import type { Catalogue, Draft, DraftList, ReferralPreview, ReferralReceipt, ReferralRequest } from '@harbour/contract';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useForceAreas } from '../../api/force-areas';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { AddAnother } from '../../components/form/add-another';
import { NO_DATE, isoDate, type DateParts } from '../../components/form/date-parts';
import { CheckField, DateField, RadiosField, SelectField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { Guidance, GuidanceBar } from '../../components/guidance';
import { dateLocale } from '../../i18n/locale';

const DOCUMENT_TYPES = ['passport', 'national_id', 'residence_permit', 'visa', 'driving_licence', 'travel_document', 'other'] as const;

interface Form {
  givenName: string;
  familyName: string;
  age: string;
  dob: DateParts;
  child: 'yes' | 'no' | 'unknown';
  gender: string;
  nationality: string;
  language: string;
  interpreterNeeded: boolean;
  consentToNrm: 'yes' | 'no' | 'unknown';
  riskToLife: boolean;
  indicators: string[];
  exploitationTypes: string[];
  localAuthority: string;
  town: string;
  postcode: string;
  placeDescription: string;
  summary: string;
  people: Person[];
  phones: { number: string }[];
  vehicles: { registration: string; description: string }[];
  addresses: { address: string; postcode: string; town: string }[];
  businesses: { name: string; kind: string; address: string }[];
  online: { identifier: string; platform: string; description: string }[];
  bankAccounts: { bank: string; sortCode: string; accountNumber: string; iban: string; holder: string }[];
  documents: { type: (typeof DOCUMENT_TYPES)[number]; number: string; country: string; holder: string; description: string }[];
}

interface Person {
  role: 'suspect' | 'potential_victim' | 'witness';
  givenName: string;
  familyName: string;
  nationality: string;
}

const BLANK = {
  person: { role: 'suspect', givenName: '', familyName: '', nationality: '' } as Person,
  phone: { number: '' },
  vehicle: { registration: '', description: '' },
  address: { address: '', postcode: '', town: '' },
  business: { name: '', kind: '', address: '' },
  online: { identifier: '', platform: '', description: '' },
  bankAccount: { bank: '', sortCode: '', accountNumber: '', iban: '', holder: '' },
  document: { type: 'passport', number: '', country: '', holder: '', description: '' } as Form['documents'][number],
};

const EMPTY: Form = {
  givenName: '',
  familyName: '',
  age: '',
  dob: NO_DATE,
  child: 'unknown',
  gender: '',
  nationality: '',
  language: '',
  interpreterNeeded: false,
  consentToNrm: 'unknown',
  riskToLife: false,
  indicators: [],
  exploitationTypes: [],
  localAuthority: '',
  town: '',
  postcode: '',
  placeDescription: '',
  summary: '',
  people: [],
  phones: [],
  vehicles: [],
  addresses: [],
  businesses: [],
  online: [],
  bankAccounts: [],
  documents: [],
};

/** A draft as saved; drafts from before lists were added held one of each. */
function fromDraft(data: Record<string, unknown>): Form {
  const form = { ...EMPTY, ...(data as Partial<Form>) };
  const single = (key: string) => (typeof data[key] === 'string' ? data[key].trim() : '');
  if (single('suspect')) form.people = [{ ...BLANK.person, givenName: single('suspect') }];
  if (single('phone')) form.phones = [{ number: single('phone') }];
  if (single('vehicle')) form.vehicles = [{ ...BLANK.vehicle, registration: single('vehicle') }];
  if (single('address')) form.addresses = [{ ...BLANK.address, address: single('address') }];
  return form;
}

/** Whether a row holds anything typed (a role or a document type chosen from a list is not enough). */
const filled = (o: object) => Object.entries(o).some(([k, v]) => k !== 'role' && k !== 'type' && typeof v === 'string' && v.trim() !== '');

/** The rows worth sending, each with its place in the form so the server's errors can be put back. */
function sendable(f: Form) {
  const keep = <T extends object>(items: T[]) => items.map((item, at) => ({ item, at })).filter(({ item }) => filled(item));
  return {
    people: keep(f.people),
    phones: keep(f.phones),
    vehicles: keep(f.vehicles),
    addresses: keep(f.addresses),
    businesses: keep(f.businesses),
    online: keep(f.online),
    bankAccounts: keep(f.bankAccounts),
    documents: keep(f.documents),
  };
}

const LISTS: Record<string, { id: string; rows: keyof ReturnType<typeof sendable> }> = {
  otherPeople: { id: 'person', rows: 'people' },
  phones: { id: 'phone', rows: 'phones' },
  vehicles: { id: 'vehicle', rows: 'vehicles' },
  addresses: { id: 'address', rows: 'addresses' },
  businesses: { id: 'business', rows: 'businesses' },
  online: { id: 'online', rows: 'online' },
  bankAccounts: { id: 'bank', rows: 'bankAccounts' },
  documents: { id: 'document', rows: 'documents' },
};

/** The input a server field path is about. */
function inputFor(path: string, f: Form): string {
  const [head, position, field] = path.split('.');
  const list = head ? LISTS[head] : undefined;
  if (list && position !== undefined) {
    const at = sendable(f)[list.rows][Number(position)]?.at ?? Number(position);
    return `${list.id}-${at}-${field ?? 'number'}`;
  }
  return path
    .replace(/^victim\.ageYears$/, 'age')
    .replace(/^victim\.dob$/, 'dob-day')
    .replace(/^victim\.child$/, 'child-yes')
    .replace(/^location\./, '');
}

/** The form as the referral route takes it (the contract's request type checks every part). */
function toRequest(f: Form): ReferralRequest {
  const age = /^\d{1,3}$/.test(f.age.trim()) ? Number(f.age.trim()) : undefined;
  return {
    indicators: f.indicators,
    exploitationTypes: EXPLOITATION_TYPES.filter((x) => f.exploitationTypes.includes(x)),
    victim: {
      givenName: f.givenName,
      familyName: f.familyName,
      ageYears: age,
      dob: isoDate(f.dob) || undefined,
      child: f.child,
      gender: GENDERS.find((g) => g === f.gender),
      nationality: f.nationality,
      language: f.language,
      interpreterNeeded: f.interpreterNeeded,
    },
    consentToNrm: f.consentToNrm,
    riskToLife: f.riskToLife,
    location: { localAuthority: f.localAuthority || undefined, town: f.town, postcode: f.postcode, description: f.placeDescription },
    summary: f.summary,
    ...(({ people, phones, vehicles, addresses, businesses, online, bankAccounts, documents }) => ({
      otherPeople: people.map(({ item }) => item),
      phones: phones.map(({ item }) => item.number.trim()),
      vehicles: vehicles.map(({ item }) => item),
      addresses: addresses.map(({ item }) => item),
      businesses: businesses.map(({ item }) => item),
      online: online.map(({ item }) => item),
      bankAccounts: bankAccounts.map(({ item }) => item),
      documents: documents.map(({ item }) => item),
    }))(sendable(f)),
  };
}

/** The officer's and partner's referral: checklist, victim, consent; guidance updates as they go. */
export function ReferralPage() {
  const { t, i18n } = useTranslation();
  const forceAreas = useForceAreas();
  usePageTitle(t('referral.title'));
  const catalogue = useQuery({ queryKey: ['catalogue'], queryFn: () => api<Catalogue>('GET', '/api/referrals/catalogue') });
  const [form, setForm] = useState<Form>(EMPTY);
  const [draftId, setDraftId] = useState<string>(() => crypto.randomUUID());
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [triage, setTriage] = useState<ReferralPreview | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [sent, setSent] = useState<ReferralReceipt | null>(null);
  const loaded = useRef(false);
  const cy = i18n.language === 'cy';

  const formNow = useRef(form);
  useEffect(() => {
    formNow.current = form;
  }, [form]);

  // Resume the latest draft, if any: the signal may have dropped mid-referral. On a slow signal the
  // draft can arrive after the officer has started again; what they have typed since wins.
  useEffect(() => {
    void api<DraftList>('GET', '/api/referrals/drafts').then(({ drafts }) => {
      const latest = drafts[0];
      if (latest && formNow.current === EMPTY) {
        setDraftId(latest.id);
        setForm(fromDraft(latest.data));
      }
      loaded.current = true;
    });
  }, []);

  useEffect(() => {
    if (!loaded.current || sent) return;
    const save = setTimeout(() => {
      void api<Draft>('PUT', `/api/referrals/drafts/${draftId}`, { data: form }).then((d) => setSavedAt(d.updatedAt));
    }, 1200);
    return () => clearTimeout(save);
  }, [form, draftId, sent]);

  // Guidance follows the answers from the first one (and for the empty form); guidance that no
  // longer matches them is taken away rather than left showing.
  useEffect(() => {
    if (sent) return;
    let current = true;
    const preview = setTimeout(() => {
      api<ReferralPreview>('POST', '/api/referrals/preview', toRequest(form))
        .then((p) => current && setTriage(p))
        .catch(() => current && setTriage(null));
    }, 300);
    return () => {
      current = false;
      clearTimeout(preview);
    };
  }, [form, sent]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const ageMessage = (c: ReferralPreview['contradictions'][number]) => t(`referral.contradictions.${c.code}`, { age: c.ageFromDob });
  const toggle = (key: 'indicators' | 'exploitationTypes', id: string, on: boolean) => set(key, on ? [...form[key], id] : form[key].filter((x) => x !== id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FormProblem[] = (triage?.contradictions ?? []).map((c) => ({ field: inputFor(c.path, form), message: ageMessage(c) }));
    if (isoDate(form.dob) === null) found.unshift({ field: 'dob-day', message: t('referral.dobInvalid') });
    if (!form.summary.trim()) found.push({ field: 'summary', message: t('referral.errors.summary') });
    if (found.length > 0) return setProblems(found);
    try {
      const result = await api<ReferralReceipt>('POST', '/api/referrals', { ...toRequest(form), draftId });
      setSent(result);
      setProblems([]);
      window.scrollTo(0, 0);
    } catch (error) {
      const disagree = t('referral.agesDisagree');
      setProblems(
        problemsFrom(error, t, { 'victim.child': disagree, 'victim.dob': disagree }).map((p) => ({ ...p, field: p.field && inputFor(p.field, form) })),
      );
    }
  };

  if (sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">{t('referral.sentTitle')}</h1>
            <div className="govuk-panel__body">{t('referral.sentReference', { reference: sent.reference })}</div>
          </div>
          <Guidance triage={sent.triage} />
          <p className="govuk-body">
            <Link className="govuk-link" to="/referrals/sent">
              {t('sentReferrals.follow')}
            </Link>
          </p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => {
              // Nothing of the last referral carries over: not its answers, guidance, score or problems.
              setSent(null);
              setForm(EMPTY);
              setTriage(null);
              setProblems([]);
              setSavedAt(null);
              setDraftId(crypto.randomUUID());
              window.scrollTo(0, 0);
            }}
          >
            {t('referral.another')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary problems={problems} />
        <h1 className="govuk-heading-l">{t('referral.title')}</h1>
        <p className="govuk-body">{t('referral.lead')}</p>
        <p className="govuk-body-s" role="status">
          {savedAt ? t('referral.saved', { time: new Date(savedAt).toLocaleTimeString(dateLocale(i18n.language)) }) : '\u00a0'}
        </p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h2 className="govuk-heading-m">{t('referral.victimTitle')}</h2>
          <TextField
            id="givenName"
            label={t('referral.givenName')}
            autoComplete="off"
            value={form.givenName}
            onChange={(e) => set('givenName', e.target.value)}
          />
          <TextField
            id="familyName"
            label={t('referral.familyName')}
            autoComplete="off"
            value={form.familyName}
            onChange={(e) => set('familyName', e.target.value)}
          />
          <TextField
            id="age"
            label={t('referral.age')}
            hint={t('referral.ageHint')}
            inputMode="numeric"
            className="govuk-input--width-3"
            value={form.age}
            onChange={(e) => set('age', e.target.value)}
            error={fieldError(problems, 'age')}
          />
          <DateField
            id="dob"
            legend={t('referral.dob')}
            hint={t('referral.dobHint')}
            value={form.dob}
            onChange={(v) => set('dob', v)}
            error={fieldError(problems, 'dob-day')}
          />
          <RadiosField
            inline
            name="child"
            legend={t('referral.child')}
            hint={t('referral.childHint')}
            value={form.child}
            onChange={(v) => set('child', v as Form['child'])}
            options={[
              ['yes', t('common.yes')],
              ['no', t('common.no')],
              ['unknown', t('report.notSure')],
            ]}
            error={fieldError(problems, 'child-yes')}
          />
          {triage && triage.contradictions.length > 0 && (
            <div className="govuk-warning-text" data-testid="age-contradictions">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <div className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">{t('referral.agesTitle')}: </span>
                {triage.contradictions.map((c) => (
                  <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1" key={c.code}>
                    {ageMessage(c)}
                  </p>
                ))}
              </div>
            </div>
          )}
          <SelectField
            id="gender"
            label={t('referral.gender')}
            value={form.gender}
            onChange={(v) => set('gender', v)}
            options={[
              { value: '', label: '' },
              ...(['female', 'male', 'other', 'unknown'] as const).map((g) => ({ value: g, label: t(`referral.genders.${g}`) })),
            ]}
          />
          <TextField
            id="nationality"
            label={t('referral.nationality')}
            autoComplete="off"
            value={form.nationality}
            onChange={(e) => set('nationality', e.target.value)}
          />
          <TextField id="language" label={t('referral.language')} autoComplete="off" value={form.language} onChange={(e) => set('language', e.target.value)} />
          <CheckField id="interpreterNeeded" label={t('referral.interpreter')} checked={form.interpreterNeeded} onChange={(v) => set('interpreterNeeded', v)} />

          <h2 className="govuk-heading-m">{t('referral.consentTitle')}</h2>
          <RadiosField
            inline
            name="consentToNrm"
            legend={t('referral.consent')}
            hint={t('referral.consentHint')}
            value={form.consentToNrm}
            onChange={(v) => set('consentToNrm', v as Form['consentToNrm'])}
            options={[
              ['yes', t('common.yes')],
              ['no', t('common.no')],
              ['unknown', t('report.notSure')],
            ]}
          />
          <CheckField id="riskToLife" label={t('referral.risk')} checked={form.riskToLife} onChange={(v) => set('riskToLife', v)} />

          <h2 className="govuk-heading-m">{t('referral.indicatorsTitle')}</h2>
          <p className="govuk-hint">{t('referral.indicatorsHint', { version: catalogue.data?.version ?? '' })}</p>
          {INDICATOR_GROUPS.map((group) => (
            <div className="govuk-form-group" key={group}>
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t(`referral.groups.${group}`)}</legend>
                <div className="govuk-checkboxes govuk-checkboxes--small">
                  {(catalogue.data?.indicators ?? [])
                    .filter((i) => i.group === group)
                    .map((i) => (
                      <div className="govuk-checkboxes__item" key={i.id}>
                        <input
                          className="govuk-checkboxes__input"
                          id={`indicator-${i.id}`}
                          type="checkbox"
                          checked={form.indicators.includes(i.id)}
                          onChange={(e) => toggle('indicators', i.id, e.target.checked)}
                        />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={`indicator-${i.id}`}>
                          {cy ? i.label.cy : i.label.en}
                        </label>
                      </div>
                    ))}
                </div>
              </fieldset>
            </div>
          ))}
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('referral.typesTitle')}</legend>
              <div className="govuk-checkboxes govuk-checkboxes--small">
                {EXPLOITATION_TYPES.map((type) => (
                  <div className="govuk-checkboxes__item" key={type}>
                    <input
                      className="govuk-checkboxes__input"
                      id={`type-${type}`}
                      type="checkbox"
                      checked={form.exploitationTypes.includes(type)}
                      onChange={(e) => toggle('exploitationTypes', type, e.target.checked)}
                    />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={`type-${type}`}>
                      {t(`referral.types.${type}`)}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>

          <h2 className="govuk-heading-m">{t('referral.whereTitle')}</h2>
          <SelectField
            id="localAuthority"
            label={t('referral.area')}
            value={form.localAuthority}
            onChange={(v) => set('localAuthority', v)}
            options={[{ value: '', label: t('referral.chooseArea') }, ...forceAreas.options]}
          />
          <TextField id="town" label={t('referral.town')} value={form.town} onChange={(e) => set('town', e.target.value)} />
          <TextField
            id="postcode"
            label={t('referral.postcode')}
            className="govuk-input--width-10"
            value={form.postcode}
            onChange={(e) => set('postcode', e.target.value)}
            error={fieldError(problems, 'postcode')}
          />
          <TextField
            id="placeDescription"
            label={t('referral.placeDescription')}
            value={form.placeDescription}
            onChange={(e) => set('placeDescription', e.target.value)}
          />

          <div className={`govuk-form-group${fieldError(problems, 'summary') ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--m" htmlFor="summary">
              {t('referral.summary')}
            </label>
            {fieldError(problems, 'summary') && (
              <p id="summary-error" className="govuk-error-message">
                {fieldError(problems, 'summary')}
              </p>
            )}
            <textarea
              id="summary"
              className="govuk-textarea"
              rows={6}
              value={form.summary}
              onChange={(e) => set('summary', e.target.value)}
              aria-describedby={fieldError(problems, 'summary') ? 'summary-error' : undefined}
            />
          </div>

          <h2 className="govuk-heading-m">{t('referral.othersTitle')}</h2>
          <p className="govuk-body">{t('referral.othersLead')}</p>
          <h3 className="govuk-heading-s">{t('referral.people.title')}</h3>
          <AddAnother
            id="person"
            items={form.people}
            legend={(n) => t('referral.people.legend', { n })}
            addLabel={t('referral.people.add')}
            removeLabel={(n) => t('referral.people.remove', { n })}
            blank={BLANK.person}
            max={30}
            onChange={(v) => set('people', v)}
          >
            {(person, i, update) => (
              <>
                <SelectField
                  id={`person-${i}-role`}
                  label={t('referral.people.role')}
                  value={person.role}
                  onChange={(v) => update({ role: v as Person['role'] })}
                  options={REFERRAL_PERSON_ROLES.map((r) => ({ value: r, label: t(`referral.people.roles.${r}`) }))}
                />
                <RowFields
                  prefix={`person-${i}`}
                  row={person}
                  update={update}
                  problems={problems}
                  fields={(['givenName', 'familyName', 'nationality'] as const).map((name) => ({ name, label: t(`referral.${name}`) }))}
                />
              </>
            )}
          </AddAnother>
          <h3 className="govuk-heading-s">{t('referral.phones.title')}</h3>
          <AddAnother
            id="phone"
            items={form.phones}
            legend={(n) => t('referral.phones.legend', { n })}
            addLabel={t('referral.phones.add')}
            removeLabel={(n) => t('referral.phones.remove', { n })}
            blank={BLANK.phone}
            max={20}
            onChange={(v) => set('phones', v)}
          >
            {(phone, i, update) => (
              <TextField
                id={`phone-${i}-number`}
                label={t('referral.phone')}
                type="tel"
                autoComplete="off"
                className="govuk-input--width-20"
                value={phone.number}
                onChange={(e) => update({ number: e.target.value })}
                error={fieldError(problems, `phone-${i}-number`)}
              />
            )}
          </AddAnother>
          <h3 className="govuk-heading-s">{t('referral.vehicles.title')}</h3>
          <AddAnother
            id="vehicle"
            items={form.vehicles}
            legend={(n) => t('referral.vehicles.legend', { n })}
            addLabel={t('referral.vehicles.add')}
            removeLabel={(n) => t('referral.vehicles.remove', { n })}
            blank={BLANK.vehicle}
            max={20}
            onChange={(v) => set('vehicles', v)}
          >
            {(vehicle, i, update) => (
              <RowFields
                prefix={`vehicle-${i}`}
                row={vehicle}
                update={update}
                problems={problems}
                fields={[
                  { name: 'registration', label: t('referral.vehicle'), width: 10 },
                  { name: 'description', label: t('referral.vehicles.description') },
                ]}
              />
            )}
          </AddAnother>
          <h3 className="govuk-heading-s">{t('referral.addresses.title')}</h3>
          <AddAnother
            id="address"
            items={form.addresses}
            legend={(n) => t('referral.addresses.legend', { n })}
            addLabel={t('referral.addresses.add')}
            removeLabel={(n) => t('referral.addresses.remove', { n })}
            blank={BLANK.address}
            max={20}
            onChange={(v) => set('addresses', v)}
          >
            {(address, i, update) => (
              <RowFields
                prefix={`address-${i}`}
                row={address}
                update={update}
                problems={problems}
                fields={[
                  { name: 'address', label: t('referral.address') },
                  { name: 'town', label: t('referral.town') },
                  { name: 'postcode', label: t('referral.postcode'), width: 10 },
                ]}
              />
            )}
          </AddAnother>
          <h3 className="govuk-heading-s">{t('referral.businesses.title')}</h3>
          <AddAnother
            id="business"
            items={form.businesses}
            legend={(n) => t('referral.businesses.legend', { n })}
            addLabel={t('referral.businesses.add')}
            removeLabel={(n) => t('referral.businesses.remove', { n })}
            blank={BLANK.business}
            max={20}
            onChange={(v) => set('businesses', v)}
          >
            {(business, i, update) => (
              <RowFields
                prefix={`business-${i}`}
                row={business}
                update={update}
                problems={problems}
                fields={[
                  { name: 'name', label: t('referral.businesses.name') },
                  { name: 'kind', label: t('referral.businesses.kind'), hint: t('referral.businesses.kindHint') },
                  { name: 'address', label: t('referral.address') },
                ]}
              />
            )}
          </AddAnother>

          <h3 className="govuk-heading-s">{t('referral.online.title')}</h3>
          <AddAnother
            id="online"
            items={form.online}
            legend={(n) => t('referral.online.legend', { n })}
            addLabel={t('referral.online.add')}
            removeLabel={(n) => t('referral.online.remove', { n })}
            blank={BLANK.online}
            max={20}
            onChange={(v) => set('online', v)}
          >
            {(row, i, update) => (
              <RowFields
                prefix={`online-${i}`}
                row={row}
                update={update}
                problems={problems}
                fields={[
                  { name: 'identifier', label: t('referral.online.identifier'), hint: t('referral.online.identifierHint'), spellCheck: false },
                  { name: 'platform', label: t('referral.online.platform'), hint: t('referral.online.platformHint') },
                  { name: 'description', label: t('referral.online.description'), hint: t('referral.online.descriptionHint') },
                ]}
              />
            )}
          </AddAnother>
          <h3 className="govuk-heading-s">{t('referral.bankAccounts.title')}</h3>
          <AddAnother
            id="bank"
            items={form.bankAccounts}
            legend={(n) => t('referral.bankAccounts.legend', { n })}
            addLabel={t('referral.bankAccounts.add')}
            removeLabel={(n) => t('referral.bankAccounts.remove', { n })}
            blank={BLANK.bankAccount}
            max={20}
            onChange={(v) => set('bankAccounts', v)}
          >
            {(row, i, update) => (
              <RowFields
                prefix={`bank-${i}`}
                row={row}
                update={update}
                problems={problems}
                fields={[
                  { name: 'bank', label: t('referral.bankAccounts.bank') },
                  { name: 'sortCode', label: t('referral.bankAccounts.sortCode'), hint: t('referral.bankAccounts.sortCodeHint'), width: 5, numeric: true },
                  { name: 'accountNumber', label: t('referral.bankAccounts.accountNumber'), width: 10, numeric: true },
                  { name: 'iban', label: t('referral.bankAccounts.iban'), hint: t('referral.bankAccounts.ibanHint'), width: 20, spellCheck: false },
                  { name: 'holder', label: t('referral.bankAccounts.holder') },
                ]}
              />
            )}
          </AddAnother>
          <h3 className="govuk-heading-s">{t('referral.documents.title')}</h3>
          <AddAnother
            id="document"
            items={form.documents}
            legend={(n) => t('referral.documents.legend', { n })}
            addLabel={t('referral.documents.add')}
            removeLabel={(n) => t('referral.documents.remove', { n })}
            blank={BLANK.document}
            max={20}
            onChange={(v) => set('documents', v)}
          >
            {(row, i, update) => (
              <>
                <SelectField
                  id={`document-${i}-type`}
                  label={t('referral.documents.type')}
                  value={row.type}
                  onChange={(v) => update({ type: v as Form['documents'][number]['type'] })}
                  options={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`referral.documents.types.${type}`) }))}
                />
                <RowFields
                  prefix={`document-${i}`}
                  row={row}
                  update={update}
                  problems={problems}
                  fields={[
                    { name: 'number', label: t('referral.documents.number'), width: 20, spellCheck: false },
                    { name: 'country', label: t('referral.documents.country') },
                    { name: 'holder', label: t('referral.documents.holder') },
                    { name: 'description', label: t('referral.documents.description'), hint: t('referral.documents.descriptionHint') },
                  ]}
                />
              </>
            )}
          </AddAnother>

          <button type="submit" className="govuk-button">
            {t('referral.submit')}
          </button>
        </form>
        {triage && <GuidanceBar triage={triage} />}
      </div>
      <div className="govuk-grid-column-one-third app-guidance-column">{triage && <Guidance triage={triage} />}</div>
    </div>
  );
}

interface RowField<T> {
  readonly name: keyof T & string;
  readonly label: string;
  readonly hint?: string;
  /** GOV.UK input width class, in characters. */
  readonly width?: 5 | 10 | 20;
  readonly numeric?: boolean;
  readonly spellCheck?: boolean;
}

/** The text inputs of one row of a list, each with its id (`<prefix>-<field>`) for the server's errors to find. */
function RowFields<T extends object>({
  prefix,
  row,
  update,
  problems,
  fields,
}: {
  prefix: string;
  row: T;
  update: (change: Partial<T>) => void;
  problems: FormProblem[];
  fields: readonly RowField<T>[];
}) {
  return (
    <>
      {fields.map((f) => (
        <TextField
          key={f.name}
          id={`${prefix}-${f.name}`}
          label={f.label}
          hint={f.hint}
          className={f.width ? `govuk-input--width-${f.width}` : undefined}
          inputMode={f.numeric ? 'numeric' : undefined}
          spellCheck={f.spellCheck}
          autoComplete="off"
          value={String(row[f.name] ?? '')}
          onChange={(e) => update({ [f.name]: e.target.value } as Partial<T>)}
          error={fieldError(problems, `${prefix}-${f.name}`)}
        />
      ))}
    </>
  );
}
