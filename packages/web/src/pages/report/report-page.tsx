import { PUBLIC_PERSON_ROLES, PUBLIC_SIGNS, REPORT_LANGUAGES } from '@harbour/contract/vocabulary';
import type { PublicReportRequest, ReportReceipt } from '@harbour/contract';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { RadiosField, SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom, tooLongMessage } from '../../components/form/problems';
import { Helplines } from '../../components/layout/helplines';
import { usePageTitle } from '../../components/page-title';
import { PHONE_MARKUP } from '../../components/phone-number';
import { LanguagePicker } from '../../components/language-picker';
import { ReportSent } from './report-sent';
import { usePublicForm } from './public-form';
import { EMPTY, forgetDraft, keepDraft, loadDraft, type Draft, type Person } from './report-draft';
import { REPORT_LIMITS as LIMIT } from './report-limits';
import { useForceAreas } from '../../api/force-areas';
import { signKey } from './report-languages';

const STEPS = ['safety', 'what', 'where', 'who', 'check'] as const;
type Step = (typeof STEPS)[number];
/** The input a server field path is about. Empty rows are not sent, so list positions are mapped back. */
function inputFor(path: string, peopleAt: readonly number[], phonesAt: readonly number[]): string {
  const [list, position, field] = path.split('.');
  const n = Number(position);
  if (list === 'phones' && position !== undefined) return `phone-${phonesAt[n] ?? n}`;
  if (list === 'people' && position !== undefined) return `person-${peopleAt[n] ?? n}-${field === 'nationality' || field === 'description' ? field : 'name'}`;
  if (list === 'vehicles') return field === 'description' ? 'vehicleDescription' : 'vehicle';
  if (list === 'businesses') return field === 'address' ? 'businessAddress' : 'business';
  if (list === 'online') return 'online';
  return path;
}

/** Each text box on a step with its limit, to stop at the step rather than at Send. */
function textBoxes(step: Step, d: Draft): { field: string; value: string; limit: number }[] {
  switch (step) {
    case 'what':
      return [
        { field: 'description', value: d.description, limit: LIMIT.description },
        { field: 'when', value: d.when, limit: LIMIT.when },
      ];
    case 'where':
      return [
        { field: 'town', value: d.town, limit: LIMIT.town },
        { field: 'locationDescription', value: d.locationDescription, limit: LIMIT.locationDescription },
      ];
    case 'who':
      return [
        ...d.people.flatMap((p, i) => [
          { field: `person-${i}-name`, value: p.name, limit: LIMIT.personName },
          { field: `person-${i}-nationality`, value: p.nationality, limit: LIMIT.personNationality },
          { field: `person-${i}-description`, value: p.description, limit: LIMIT.personDescription },
        ]),
        ...d.phones.map((p, i) => ({ field: `phone-${i}`, value: p, limit: LIMIT.phone })),
        { field: 'vehicle', value: d.vehicle, limit: LIMIT.vehicle },
        { field: 'vehicleDescription', value: d.vehicleDescription, limit: LIMIT.vehicleDescription },
        { field: 'business', value: d.business, limit: LIMIT.business },
        { field: 'businessAddress', value: d.businessAddress, limit: LIMIT.businessAddress },
        { field: 'online', value: d.online, limit: LIMIT.online },
      ];
    case 'safety':
    case 'check':
      return [];
  }
}

function stepOf(input: string): Step | undefined {
  if (input === 'description' || input === 'when' || input.startsWith('signs')) return 'what';
  if (['localAuthority', 'town', 'postcode', 'locationDescription'].includes(input)) return 'where';
  if (/^(person|phone|vehicle|business|online)/.test(input)) return 'who';
  return undefined;
}

/** The anonymous report: one short step at a time, only the description required. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const forceAreas = useForceAreas();
  // Each step is an entry in the browser's history, so Back (the browser's, or Android's) goes back
  // one step of the form rather than out of it; a reload stays on the step.
  const location = useLocation();
  const navigate = useNavigate();
  const inHistory = (location.state as { reportStep?: unknown } | null)?.reportStep;
  const step: Step = STEPS.find((s) => s === inHistory) ?? 'safety';
  const [draft, setDraft] = useState<Draft>(() => loadDraft() ?? EMPTY);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [sent, setSent] = useState<ReportReceipt | null>(null);
  const [busy, setBusy] = useState(false);
  const { campaign, formToken, renewToken } = usePublicForm();
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(sent ? t('report.sent.title') : t(`report.steps.${step}.title`), problems.length > 0);

  // Each step opens at its top: the browser's own restoring of scroll on Back would leave the reader
  // mid-page, under the quick exit bar, with an error summary out of sight.
  useEffect(() => {
    const before = window.history.scrollRestoration;
    window.history.scrollRestoration = 'manual';
    return () => {
      window.history.scrollRestoration = before;
    };
  }, []);
  // Move focus to the new heading when the step changes (not on first load), so screen readers
  // follow; where there are problems, the error summary (shown afresh for the step) takes it.
  const firstRender = useRef(true);
  const hasProblems = useRef(false);
  useEffect(() => {
    hasProblems.current = problems.length > 0;
  }, [problems]);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    if (!hasProblems.current) heading.current?.focus();
  }, [step, sent]);

  useEffect(() => {
    if (!sent) keepDraft(draft);
  }, [draft, sent]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const index = STEPS.indexOf(step);
  /** Forward adds a history entry; back returns through them, as the browser's Back would. */
  const go = (next: Step, keepProblems = false) => {
    if (!keepProblems) setProblems([]);
    const back = STEPS.indexOf(next) - index;
    if (back < 0) void navigate(back);
    else if (back > 0) void navigate({ pathname: location.pathname, search: location.search }, { state: { reportStep: next } });
    window.scrollTo(0, 0);
  };

  const next = (event: FormEvent) => {
    event.preventDefault();
    const found: FormProblem[] = textBoxes(step, draft)
      .filter((box) => box.value.length > box.limit)
      .map((box) => ({ field: box.field, message: tooLongMessage(box.limit, t) }));
    if (step === 'what' && !draft.description.trim()) found.unshift({ field: 'description', message: t('report.errors.descriptionRequired') });
    if (found.length > 0) return setProblems(found);
    if (step === 'check') return void send();
    go(STEPS[index + 1]!);
  };

  const send = async () => {
    setBusy(true);
    const people = draft.people.map((p, at) => ({ p, at })).filter(({ p }) => p.name.trim() || p.nationality.trim() || p.description.trim());
    const phones = draft.phones.map((p, at) => ({ p: p.trim(), at })).filter(({ p }) => p);
    try {
      const body: PublicReportRequest = {
        formToken: formToken(),
        leaveBlank: draft.leaveBlank || undefined,
        language: REPORT_LANGUAGES.find((l) => l === i18n.language) ?? 'en',
        description: draft.description,
        relation: draft.relation,
        signs: PUBLIC_SIGNS.filter((sign) => draft.signs.includes(sign)),
        dangerNow: draft.dangerNow === 'yes',
        childInvolved: draft.childInvolved,
        when: draft.when,
        localAuthority: draft.localAuthority || undefined,
        town: draft.town,
        postcode: draft.postcode,
        locationDescription: draft.locationDescription,
        people: people.map(({ p }) => ({ role: p.part || 'unknown', name: p.name, nationality: p.nationality, description: p.description })),
        phones: phones.map(({ p }) => p),
        vehicles: draft.vehicle.trim() ? [{ registration: draft.vehicle, description: draft.vehicleDescription }] : [],
        businesses: draft.business.trim() ? [{ name: draft.business, address: draft.businessAddress }] : [],
        online: draft.online.trim() ? [{ identifier: draft.online }] : [],
        campaign,
      };
      const result = await api<ReportReceipt>('POST', '/api/public/reports', body);
      forgetDraft();
      setSent(result);
    } catch (error) {
      const found = problemsFrom(error, t, {
        description: t('report.errors.descriptionRequired'),
        postcode: t('report.errors.postcode'),
        formToken: t('report.errors.expired'),
      }).map((p) => ({
        ...p,
        field:
          p.field &&
          inputFor(
            p.field,
            people.map(({ at }) => at),
            phones.map(({ at }) => at),
          ),
      }));
      setProblems(found);
      if (found.some((p) => p.field === 'formToken')) {
        // A fresh token; nothing the reporter wrote is lost.
        await renewToken();
      }
      const fieldStep = found.map((p) => stepOf(p.field ?? '')).find(Boolean);
      if (fieldStep) go(fieldStep, true);
    } finally {
      setBusy(false);
    }
  };

  if (sent) return <ReportSent sent={sent} />;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {index > 0 && (
          <button type="button" className="govuk-back-link app-link-button" onClick={() => go(STEPS[index - 1]!)}>
            {t('report.back')}
          </button>
        )}
        <ErrorSummary key={step} problems={problems} />
        <span className="govuk-caption-l">{t('report.progress', { step: index + 1, total: STEPS.length })}</span>
        <h1 className="govuk-heading-l" ref={heading} tabIndex={-1}>
          {t(`report.steps.${step}.title`)}
        </h1>
        {step === 'safety' && <LanguagePicker />}
        <form onSubmit={next} noValidate>
          {step === 'safety' && (
            <>
              <p className="govuk-body">{t('report.steps.safety.lead')}</p>
              <RadiosField
                name="dangerNow"
                legend={t('report.steps.safety.danger')}
                value={draft.dangerNow}
                onChange={(v) => set('dangerNow', v as Draft['dangerNow'])}
                options={[
                  ['yes', t('report.yes')],
                  ['no', t('report.no')],
                ]}
              />
              {draft.dangerNow === 'yes' && (
                <div className="govuk-warning-text" role="alert">
                  <span className="govuk-warning-text__icon" aria-hidden="true">
                    !
                  </span>
                  <strong className="govuk-warning-text__text">
                    <Trans i18nKey="report.steps.safety.call999" components={PHONE_MARKUP} />
                  </strong>
                </div>
              )}
              <RadiosField
                name="relation"
                legend={t('report.steps.safety.relation')}
                value={draft.relation}
                onChange={(v) => set('relation', v as Draft['relation'])}
                options={[
                  ['self', t('report.steps.safety.self')],
                  ['someone_else', t('report.steps.safety.someoneElse')],
                  ['not_said', t('report.steps.safety.notSaid')],
                ]}
              />
              <div className="govuk-inset-text">
                <p className="govuk-body">{t('report.reassurance.notYourFault')}</p>
                <p className="govuk-body">{t('report.reassurance.status')}</p>
                <p className="govuk-body">{t('report.reassurance.anonymous')}</p>
              </div>
            </>
          )}
          {step === 'what' && (
            <>
              <TextAreaField
                id="description"
                limit={LIMIT.description}
                label={t('report.steps.what.description')}
                hint={t('report.steps.what.descriptionHint')}
                value={draft.description}
                onChange={(v) => set('description', v)}
                error={fieldError(problems, 'description')}
              />
              <div className="govuk-form-group">
                <fieldset className="govuk-fieldset" aria-describedby="signs-hint">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('report.steps.what.signs')}</legend>
                  <div id="signs-hint" className="govuk-hint">
                    {t('report.steps.what.signsHint')}
                  </div>
                  <div className="govuk-checkboxes govuk-checkboxes--small">
                    {PUBLIC_SIGNS.map((id) => (
                      <div className="govuk-checkboxes__item" key={id}>
                        <input
                          className="govuk-checkboxes__input"
                          id={`sign-${id}`}
                          type="checkbox"
                          checked={draft.signs.includes(id)}
                          onChange={(e) => set('signs', e.target.checked ? [...draft.signs, id] : draft.signs.filter((s) => s !== id))}
                        />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={`sign-${id}`}>
                          {t(signKey(id))}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </div>
              <RadiosField
                name="childInvolved"
                legend={t('report.steps.what.child')}
                value={draft.childInvolved}
                onChange={(v) => set('childInvolved', v as Draft['childInvolved'])}
                options={[
                  ['yes', t('report.yes')],
                  ['no', t('report.no')],
                  ['unknown', t('report.notSure')],
                ]}
              />
              <TextField
                id="when"
                limit={LIMIT.when}
                label={t('report.steps.what.when')}
                hint={t('report.steps.what.whenHint')}
                value={draft.when}
                onChange={(e) => set('when', e.target.value)}
                error={fieldError(problems, 'when')}
              />
            </>
          )}
          {step === 'where' && (
            <>
              <p className="govuk-body">{t('report.steps.where.lead')}</p>
              <SelectField
                id="localAuthority"
                label={t('report.steps.where.area')}
                value={draft.localAuthority}
                onChange={(v) => set('localAuthority', v)}
                options={[{ value: '', label: t('report.notSure') }, ...forceAreas.options]}
              />
              <TextField
                id="town"
                limit={LIMIT.town}
                label={t('report.steps.where.town')}
                value={draft.town}
                onChange={(e) => set('town', e.target.value)}
                error={fieldError(problems, 'town')}
              />
              <TextField
                id="postcode"
                label={t('report.steps.where.postcode')}
                hint={t('report.steps.where.postcodeHint')}
                className="govuk-input--width-10"
                autoComplete="off"
                value={draft.postcode}
                onChange={(e) => set('postcode', e.target.value)}
                error={fieldError(problems, 'postcode')}
              />
              <TextAreaField
                id="locationDescription"
                limit={LIMIT.locationDescription}
                label={t('report.steps.where.describe')}
                value={draft.locationDescription}
                onChange={(v) => set('locationDescription', v)}
                rows={3}
                error={fieldError(problems, 'locationDescription')}
              />
            </>
          )}
          {step === 'who' && (
            <>
              <p className="govuk-body">{t('report.steps.who.lead')}</p>
              {draft.people.map((person, i) => (
                <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={i}>
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('report.steps.who.person', { n: i + 1 })}</legend>
                  <RadiosField
                    name={`person-${i}-part`}
                    legend={t('report.steps.who.part')}
                    value={person.part ?? ''}
                    onChange={(v) =>
                      set(
                        'people',
                        draft.people.map((p, j) => (j === i ? { ...p, part: v as Person['part'] } : p)),
                      )
                    }
                    options={PUBLIC_PERSON_ROLES.map((part) => [part, t(`report.steps.who.parts.${part}`)])}
                  />
                  <TextField
                    id={`person-${i}-name`}
                    limit={LIMIT.personName}
                    label={t('report.steps.who.name')}
                    autoComplete="off"
                    value={person.name}
                    onChange={(e) =>
                      set(
                        'people',
                        draft.people.map((p, j) => (j === i ? { ...p, name: e.target.value } : p)),
                      )
                    }
                    error={fieldError(problems, `person-${i}-name`)}
                  />
                  <TextField
                    id={`person-${i}-nationality`}
                    limit={LIMIT.personNationality}
                    label={t('report.steps.who.nationality')}
                    autoComplete="off"
                    value={person.nationality}
                    onChange={(e) =>
                      set(
                        'people',
                        draft.people.map((p, j) => (j === i ? { ...p, nationality: e.target.value } : p)),
                      )
                    }
                    error={fieldError(problems, `person-${i}-nationality`)}
                  />
                  <TextAreaField
                    id={`person-${i}-description`}
                    limit={LIMIT.personDescription}
                    label={t('report.steps.who.describe')}
                    rows={2}
                    value={person.description}
                    onChange={(v) =>
                      set(
                        'people',
                        draft.people.map((p, j) => (j === i ? { ...p, description: v } : p)),
                      )
                    }
                    error={fieldError(problems, `person-${i}-description`)}
                  />
                </fieldset>
              ))}
              {draft.people.length < 10 && (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() => set('people', [...draft.people, { part: '', name: '', nationality: '', description: '' }])}
                >
                  {t('report.steps.who.addPerson')}
                </button>
              )}
              {draft.phones.map((phone, i) => (
                <TextField
                  key={i}
                  id={`phone-${i}`}
                  limit={LIMIT.phone}
                  type="tel"
                  autoComplete="off"
                  label={t('report.steps.who.phone', { n: i + 1 })}
                  className="govuk-input--width-20"
                  value={phone}
                  onChange={(e) =>
                    set(
                      'phones',
                      draft.phones.map((p, j) => (j === i ? e.target.value : p)),
                    )
                  }
                  error={fieldError(problems, `phone-${i}`)}
                />
              ))}
              {draft.phones.length < 5 && (
                <button type="button" className="govuk-button govuk-button--secondary" onClick={() => set('phones', [...draft.phones, ''])}>
                  {t('report.steps.who.addPhone')}
                </button>
              )}
              <TextField
                id="vehicle"
                limit={LIMIT.vehicle}
                label={t('report.steps.who.vehicle')}
                hint={t('report.steps.who.vehicleHint')}
                className="govuk-input--width-10"
                autoComplete="off"
                value={draft.vehicle}
                onChange={(e) => set('vehicle', e.target.value)}
                error={fieldError(problems, 'vehicle')}
              />
              <TextField
                id="vehicleDescription"
                limit={LIMIT.vehicleDescription}
                label={t('report.steps.who.vehicleDescription')}
                autoComplete="off"
                value={draft.vehicleDescription}
                onChange={(e) => set('vehicleDescription', e.target.value)}
                error={fieldError(problems, 'vehicleDescription')}
              />
              <TextField
                id="business"
                limit={LIMIT.business}
                label={t('report.steps.who.business')}
                autoComplete="off"
                value={draft.business}
                onChange={(e) => set('business', e.target.value)}
                error={fieldError(problems, 'business')}
              />
              <TextField
                id="businessAddress"
                limit={LIMIT.businessAddress}
                label={t('report.steps.who.businessAddress')}
                autoComplete="off"
                value={draft.businessAddress}
                onChange={(e) => set('businessAddress', e.target.value)}
                error={fieldError(problems, 'businessAddress')}
              />
              <TextField
                id="online"
                limit={LIMIT.online}
                label={t('report.steps.who.online')}
                hint={t('report.steps.who.onlineHint')}
                autoComplete="off"
                spellCheck={false}
                value={draft.online}
                onChange={(e) => set('online', e.target.value)}
                error={fieldError(problems, 'online')}
              />
            </>
          )}
          {step === 'check' && (
            <>
              <CheckAnswers draft={draft} onChange={(at) => go(at)} />
              <p className="govuk-body">{t('report.steps.check.lead')}</p>
              {/* Hidden from people and from assistive technology; only machines fill it in. */}
              <div className="app-hidden-field" aria-hidden="true">
                <label htmlFor="leaveBlank">{t('report.leaveBlank')}</label>
                <input
                  id="leaveBlank"
                  name="leaveBlank"
                  tabIndex={-1}
                  autoComplete="off"
                  value={draft.leaveBlank}
                  onChange={(e) => set('leaveBlank', e.target.value)}
                />
              </div>
            </>
          )}
          <button type="submit" className="govuk-button" disabled={busy}>
            {step === 'check' ? t('report.send') : t('report.continue')}
          </button>
        </form>
        <Helplines />
      </div>
    </div>
  );
}

/** Every answer given, each with a way back to the step that asked it. */
function CheckAnswers({ draft, onChange }: { draft: Draft; onChange: (step: Step) => void }) {
  const { t } = useTranslation();
  const forceAreas = useForceAreas();
  const answer = (value: 'yes' | 'no' | 'unknown' | '') =>
    value === 'yes' ? t('report.yes') : value === 'no' ? t('report.no') : value ? t('report.notSure') : '';
  const relation = { self: 'self', someone_else: 'someoneElse', not_said: 'notSaid' } as const;
  const area = forceAreas.nameOf(draft.localAuthority);
  const people = draft.people.filter((p) => p.name.trim() || p.nationality.trim() || p.description.trim());
  const rows: { step: Step; label: string; lines: string[] }[] = [
    { step: 'safety', label: t('report.steps.safety.danger'), lines: [answer(draft.dangerNow)] },
    { step: 'safety', label: t('report.steps.safety.relation'), lines: [t(`report.steps.safety.${relation[draft.relation]}`)] },
    { step: 'what', label: t('report.steps.what.description'), lines: [draft.description] },
    { step: 'what', label: t('report.steps.what.signs'), lines: draft.signs.map((s) => t(signKey(s))) },
    { step: 'what', label: t('report.steps.what.child'), lines: [answer(draft.childInvolved)] },
    { step: 'what', label: t('report.steps.what.when'), lines: [draft.when] },
    { step: 'where', label: t('report.steps.where.area'), lines: [area ?? ''] },
    { step: 'where', label: t('report.steps.where.town'), lines: [draft.town] },
    { step: 'where', label: t('report.steps.where.postcode'), lines: [draft.postcode] },
    { step: 'where', label: t('report.steps.where.describe'), lines: [draft.locationDescription] },
    ...(people.length > 0 ? people : [{ part: '' as const, name: '', nationality: '', description: '' }]).map((p, i) => ({
      step: 'who' as const,
      label: t('report.steps.who.person', { n: i + 1 }),
      lines: [p.part ? t(`report.steps.who.parts.${p.part}`) : '', p.name, p.nationality, p.description],
    })),
    { step: 'who', label: t('report.steps.who.phone', { n: '' }).trim(), lines: draft.phones },
    { step: 'who', label: t('report.steps.who.vehicle'), lines: [draft.vehicle, draft.vehicleDescription] },
    { step: 'who', label: t('report.steps.who.business'), lines: [draft.business, draft.businessAddress] },
    { step: 'who', label: t('report.steps.who.online'), lines: [draft.online] },
  ];
  return (
    <dl className="govuk-summary-list">
      {rows.map((row, i) => {
        const lines = row.lines.map((l) => l.trim()).filter(Boolean);
        return (
          <div className="govuk-summary-list__row" key={i}>
            <dt className="govuk-summary-list__key">{row.label}</dt>
            <dd className="govuk-summary-list__value">
              {lines.length === 0
                ? t('report.notGiven')
                : lines.map((line, k) => (
                    <p className="govuk-body app-answer" key={k}>
                      {line}
                    </p>
                  ))}
            </dd>
            <dd className="govuk-summary-list__actions">
              <button type="button" className="app-link-button govuk-link" onClick={() => onChange(row.step)}>
                {t('report.change')}
                <span className="govuk-visually-hidden"> {row.label}</span>
              </button>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
