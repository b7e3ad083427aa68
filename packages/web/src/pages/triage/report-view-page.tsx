import type { Assignees, Catalogue, ReportPhotos, ReportSharing, ReportView, Thread } from '@harbour/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useMatch, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { SelectField, TextAreaField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { Guidance } from '../../components/guidance';
import { usePageTitle } from '../../components/page-title';
import { SuccessBanner } from '../../components/success-banner';
import { hasPermission, useSession } from '../../session/session';
import { OpenCaseForm } from '../cases/open-case-form';
import { ReportSharingSection } from '../sharing/case-sharing';
import { dateLocale } from '../../i18n/locale';
import { useForceAreas } from '../../api/force-areas';
import { REPORT_LANGUAGES } from '../report/report-languages';
import { gradeChoice, gradeOf, GRADE_FIELD_IDS, type Grade } from '../../components/grade';

/**
 * One report: everything it says. The team triaging it (opened from the queue, or by anyone who may
 * triage) also has the reporter channel and the decisions; researchers and analysts read it only.
 */
export function ReportViewPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const forceAreas = useForceAreas();
  const { data: session } = useSession();
  const canTriage = hasPermission(session, 'reports:triage');
  const canSearch = hasPermission(session, 'picture:search');
  const canOpenCase = hasPermission(session, 'cases:work');
  /** A mention, linked to its entity's page for those who may open the picture. */
  const mention = (text: string, entityId: string | null) =>
    canSearch && entityId ? (
      <Link className="govuk-link" to={`/entities/${entityId}`}>
        {text}
      </Link>
    ) : (
      text
    );
  const fromQueue = useMatch('/triage/:id') !== null;
  const navigate = useNavigate();
  const client = useQueryClient();
  const cy = i18n.language === 'cy';
  const report = useQuery({ queryKey: ['report', id], queryFn: () => api<ReportView>('GET', `/api/reports/${id}`), retry: false });
  const catalogue = useQuery({
    queryKey: ['catalogue'],
    queryFn: () => api<Catalogue>('GET', '/api/referrals/catalogue'),
  });
  const messages = useQuery({
    queryKey: ['messages', id],
    queryFn: () => api<Thread>('GET', `/api/reports/${id}/messages`),
    enabled: canTriage && !!report.data?.hasFollowUp,
  });
  const photos = useQuery({
    queryKey: ['photos', id],
    queryFn: () => api<ReportPhotos>('GET', `/api/reports/${id}/photos`),
    enabled: !!report.data?.hasFollowUp,
  });
  const assignees = useQuery({
    queryKey: ['assignees'],
    queryFn: () => api<Assignees>('GET', '/api/reports/assignees'),
    enabled: canTriage,
  });
  usePageTitle(report.data ? t('reportView.title', { reference: report.data.reference }) : t('common.loading'));
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });

  const [question, setQuestion] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const ask = useMutation({
    mutationFn: () => api<Thread>('POST', `/api/reports/${id}/messages`, { body: question }),
    onSuccess: (data) => {
      client.setQueryData(['messages', id], data);
      setQuestion('');
    },
    onError: (error) => setProblems(problemsFrom(error, t).map((p) => ({ ...p, field: p.field === 'body' ? 'question' : p.field }))),
  });

  if (report.error) return <ErrorSummary problems={problemsFrom(report.error, t)} />;
  const r = report.data;
  if (!r) return <p className="govuk-body">{t('common.loading')}</p>;
  const label = (indicator: string) => catalogue.data?.indicators.find((i) => i.id === indicator)?.label[cy ? 'cy' : 'en'] ?? indicator;
  const area = forceAreas.nameOf(r.localAuthority);
  const language = REPORT_LANGUAGES.find((l) => l.code === r.language);
  // Every answer the reporter or officer gave, each on its own row; an answer not given is not shown.
  const rows: [string, string][] = [
    [t('reportView.source'), t(`sources.${r.source}`)],
    [t('reportView.received'), when.format(new Date(r.receivedAt))],
    [t('reportView.status'), t(`reportView.statuses.${r.status}`)],
    [t('reportView.dangerNow'), r.dangerNow ? t('common.yes') : t('common.no')],
    [t('reportView.child'), r.involvesChild ? t('common.yes') : t('reportView.notSaid')],
  ];
  if (r.relation) rows.push([t('reportView.relation'), t(`reportView.relations.${r.relation}`, { defaultValue: r.relation })]);
  if (r.occurred) rows.push([t('reportView.when'), r.occurred]);
  if (area) rows.push([t('reportView.area'), area]);
  rows.push([t('reportView.where'), [r.town, r.postcode, r.locationDescription].filter(Boolean).join(', ')]);
  rows.push([t('reportView.types'), r.exploitationTypes.map((x) => t(`referral.types.${x}`)).join(', ')]);
  if (r.victim?.ageYears !== undefined) rows.push([t('reportView.age'), String(r.victim.ageYears)]);
  if (r.victim?.consentToNrm) rows.push([t('reportView.consent'), t(`reportView.consents.${r.victim.consentToNrm}`, { defaultValue: r.victim.consentToNrm })]);
  if (r.language) rows.push([t('reportView.language'), language ? `${language.name} (${language.code})` : r.language]);
  if (r.setting) rows.push([t('reportView.setting'), t(`prevent.setting.${r.setting}`, { defaultValue: r.setting })]);
  if (r.campaign) rows.push([t('reportView.campaign'), r.campaign]);
  if (r.referenceCode) rows.push([t('reportView.referenceCode'), r.referenceCode]);

  return (
    <>
      {fromQueue ? (
        <Link className="govuk-back-link" to="/triage">
          {t('reportView.back')}
        </Link>
      ) : (
        <button type="button" className="govuk-back-link app-link-button" onClick={() => void navigate(-1)}>
          {t('reportView.backAny')}
        </button>
      )}
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">
        {t('reportView.title', { reference: r.reference })}
        {r.involvesChild && <strong className="govuk-tag govuk-tag--purple app-tag-gap">{t('triage.childTag')}</strong>}
      </h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">{t('reportView.summary')}</h2>
          <p className="govuk-body app-thread__body">{r.summary}</p>
          <dl className="govuk-summary-list">
            {rows.map(([k, v]) => (
              <div className="govuk-summary-list__row" key={k}>
                <dt className="govuk-summary-list__key">{k}</dt>
                <dd className="govuk-summary-list__value">{v}</dd>
              </div>
            ))}
          </dl>
          {r.indicatorIds.length > 0 && (
            <>
              <h2 className="govuk-heading-m">{t('reportView.indicators')}</h2>
              <ul className="govuk-list govuk-list--bullet">
                {r.indicatorIds.map((i) => (
                  <li key={i}>{label(i)}</li>
                ))}
              </ul>
            </>
          )}
          <h2 className="govuk-heading-m">{t('reportView.people')}</h2>
          <ul className="govuk-list">
            {r.persons.map((p, i) => (
              <li key={i}>
                <strong>{t(`reportView.roles.${p.role}`)}</strong>:{' '}
                {mention([p.givenName, p.familyName].filter(Boolean).join(' ') || t('reportView.noName'), p.entityId)}{' '}
                {[p.nationality, p.gender && t(`referral.genders.${p.gender}`, { defaultValue: p.gender }), p.dob, p.phone].filter(Boolean).join(', ')}
                {p.description && <span className="govuk-body app-thread__body app-person-description">{p.description}</span>}
              </li>
            ))}
          </ul>
          {(
            [
              ['phones', r.phones.map((p) => ({ text: p.number, entityId: p.entityId }))],
              ['vehicles', r.vehicles.map((v) => ({ text: [v.registration, v.description].filter(Boolean).join(', '), entityId: v.entityId }))],
              ['addresses', r.addresses.map((a) => ({ text: [a.address, a.town, a.postcode].filter(Boolean).join(', '), entityId: a.entityId }))],
              ['businesses', r.businesses.map((b) => ({ text: [b.name, b.address].filter(Boolean).join(', '), entityId: b.entityId }))],
              ['online', r.online.map((o) => ({ text: [o.platform, o.identifier, o.description].filter(Boolean).join(', '), entityId: o.entityId }))],
              [
                'bankAccounts',
                r.bankAccounts.map((b) => ({ text: [b.bank, b.sortCode, b.accountNumber, b.iban, b.holder].filter(Boolean).join(', '), entityId: b.entityId })),
              ],
              [
                'documents',
                r.documents.map((d) => ({
                  text: [t(`referral.documents.types.${d.type}`, { defaultValue: d.type }), d.number, d.country, d.holder, d.description]
                    .filter(Boolean)
                    .join(', '),
                  entityId: d.entityId,
                })),
              ],
            ] as const
          )
            .filter(([, list]) => list.length > 0)
            .map(([key, list]) => (
              <div key={key}>
                <h3 className="govuk-heading-s">{t(`reportView.${key}`)}</h3>
                <ul className="govuk-list">
                  {list.map((x, i) => (
                    <li key={i}>{mention(x.text, x.entityId)}</li>
                  ))}
                </ul>
              </div>
            ))}

          {(photos.data?.photos ?? []).length > 0 && (
            <>
              <h2 className="govuk-heading-m">{t('reportView.photos')}</h2>
              <ul className="govuk-list app-photos">
                {photos.data!.photos.map((p, i) => (
                  <li key={p.id}>
                    <a className="govuk-link" href={`/api/reports/${r.id}/photos/${p.id}`} target="_blank" rel="noreferrer">
                      <img src={`/api/reports/${r.id}/photos/${p.id}`} alt={`${t('reportView.photos')} ${i + 1}`} width={Math.min(p.width, 240)} />
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
          {canTriage && r.hasFollowUp && (
            <section aria-labelledby="messages-title">
              <h2 className="govuk-heading-m" id="messages-title">
                {t('reportView.messagesTitle')}
              </h2>
              {(messages.data?.messages ?? []).length === 0 ? (
                <p className="govuk-body">{t('reportView.noMessages')}</p>
              ) : (
                <ol className="govuk-list app-thread">
                  {messages.data!.messages.map((m) => (
                    <li key={m.id} className={`app-thread__message app-thread__message--${m.from}`}>
                      <p className="govuk-body-s govuk-!-margin-bottom-1">
                        <strong>{m.from === 'team' ? t('reportView.fromTeam') : t('reportView.fromReporter')}</strong> · {when.format(new Date(m.at))}
                      </p>
                      <p className="govuk-body app-thread__body">{m.body}</p>
                    </li>
                  ))}
                </ol>
              )}
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  ask.mutate();
                }}
                noValidate
              >
                <div className={`govuk-form-group${fieldError(problems, 'question') ? ' govuk-form-group--error' : ''}`}>
                  <label className="govuk-label govuk-label--s" htmlFor="question">
                    {t('reportView.ask')}
                  </label>
                  <div id="question-hint" className="govuk-hint">
                    {t('reportView.askHint')}
                  </div>
                  <textarea
                    id="question"
                    className="govuk-textarea"
                    rows={3}
                    aria-describedby="question-hint"
                    value={question}
                    onChange={(e) => setQuestion(e.target.value)}
                  />
                </div>
                <button type="submit" className="govuk-button govuk-button--secondary" disabled={ask.isPending}>
                  {t('reportView.sendQuestion')}
                </button>
              </form>
            </section>
          )}
        </div>
        <div className="govuk-grid-column-one-third">
          {r.triage && <Guidance triage={r.triage} />}
          {canTriage ? (
            <TriageForm key={r.id} report={r} assignees={assignees.data?.assignees ?? []} />
          ) : (
            <>
              <h2 className="govuk-heading-m">{t('reportView.gradingLegend')}</h2>
              <p className="govuk-body">{r.grading ?? t('reportView.notGraded')}</p>
              {r.handlingConditions && (
                <>
                  <h3 className="govuk-heading-s">{t('reportView.handlingConditions')}</h3>
                  <p className="govuk-body app-preserve-lines">{r.handlingConditions}</p>
                </>
              )}
            </>
          )}
          {canOpenCase && <OpenCaseForm from={{ reportId: r.id }} />}
          <ReportShares reportId={r.id} />
        </div>
      </div>
    </>
  );
}

/** Who the report is shared with on its own; a supervisor shares a graded report here. */
function ReportShares({ reportId }: { reportId: string }) {
  const sharing = useQuery({ queryKey: ['report-sharing', reportId], queryFn: () => api<ReportSharing>('GET', `/api/reports/${reportId}/shares`) });
  return sharing.data ? <ReportSharingSection reportId={reportId} sharing={sharing.data} /> : null;
}

/** Grading, assignment and the triaged mark; starts from what the report holds now. */
function TriageForm({ report: r, assignees }: { report: ReportView; assignees: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [grade, setGrade] = useState<Grade>(gradeOf(r.grading));
  const [conditions, setConditions] = useState(r.handlingConditions ?? '');
  const [assignTo, setAssignTo] = useState(r.assignedTo ?? '');
  const [markTriaged, setMarkTriaged] = useState(false);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const decide = useMutation({
    mutationFn: (grading: string | undefined) =>
      api<ReportView>('POST', `/api/reports/${r.id}/triage`, {
        assignTo: assignTo || null,
        ...(grading ? { grading } : {}),
        ...(grading?.endsWith('C') && conditions.trim() ? { handlingConditions: conditions } : {}),
        markTriaged,
      }),
    onSuccess: (data) => {
      client.setQueryData(['report', r.id], data);
      setProblems([]);
    },
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  return (
    <>
      <ErrorSummary problems={problems} />
      <section aria-labelledby="triage-title">
        <h2 className="govuk-heading-m" id="triage-title">
          {t('reportView.triageTitle')}
        </h2>
        {decide.isSuccess && <SuccessBanner message={t('reportView.saved')} />}
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            const choice = gradeChoice(grade);
            if (choice.kind === 'partial') {
              // Nothing is saved, and the "Saved." of an earlier save must not linger beside the refusal.
              decide.reset();
              setProblems(choice.missing.map((part) => ({ field: GRADE_FIELD_IDS[part], message: t(`reportView.gradeMissing.${part}`) })));
              return;
            }
            decide.mutate(choice.kind === 'complete' ? choice.code : undefined);
          }}
          noValidate
        >
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('reportView.gradingLegend')}</legend>
            <SelectField
              id="gradeSource"
              label={t('reportView.sourceEval')}
              value={grade.source}
              onChange={(v) => setGrade({ ...grade, source: v })}
              error={fieldError(problems, GRADE_FIELD_IDS.source)}
              options={[
                { value: '', label: t('reportView.notGraded') },
                ...['1', '2', '3'].map((v) => ({ value: v, label: t(`reportView.sourceOptions.${v}`) })),
              ]}
            />
            <SelectField
              id="gradeAssessment"
              label={t('reportView.assessment')}
              value={grade.assessment}
              onChange={(v) => setGrade({ ...grade, assessment: v })}
              error={fieldError(problems, GRADE_FIELD_IDS.assessment)}
              options={[
                { value: '', label: t('reportView.notGraded') },
                ...['A', 'B', 'C', 'D', 'E'].map((v) => ({ value: v, label: t(`reportView.assessmentOptions.${v}`) })),
              ]}
            />
            <SelectField
              id="gradeHandling"
              label={t('reportView.handling')}
              value={grade.handling}
              onChange={(v) => setGrade({ ...grade, handling: v })}
              options={[{ value: '', label: t('reportView.notGraded') }, ...['P', 'C'].map((v) => ({ value: v, label: t(`reportView.handlingOptions.${v}`) }))]}
              error={fieldError(problems, GRADE_FIELD_IDS.handling) ?? fieldError(problems, 'grading')}
            />
            {grade.handling === 'C' && (
              <TextAreaField
                id="handlingConditions"
                label={t('reportView.handlingConditions')}
                hint={t('reportView.handlingConditionsHint')}
                rows={3}
                limit={2000}
                value={conditions}
                onChange={setConditions}
                error={fieldError(problems, 'handlingConditions')}
              />
            )}
          </fieldset>
          <SelectField
            id="assignTo"
            label={t('reportView.assign')}
            value={assignTo}
            onChange={setAssignTo}
            options={[{ value: '', label: t('reportView.unassigned') }, ...assignees.map((a) => ({ value: a.id, label: a.name }))]}
            error={fieldError(problems, 'assignTo')}
          />
          {r.status === 'new' && (
            <div className="govuk-form-group">
              <div className="govuk-checkboxes govuk-checkboxes--small">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id="markTriaged"
                    type="checkbox"
                    checked={markTriaged}
                    onChange={(e) => setMarkTriaged(e.target.checked)}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="markTriaged">
                    {t('reportView.markTriaged')}
                  </label>
                </div>
              </div>
            </div>
          )}
          <button type="submit" className="govuk-button" disabled={decide.isPending}>
            {t('reportView.save')}
          </button>
        </form>
      </section>
    </>
  );
}
