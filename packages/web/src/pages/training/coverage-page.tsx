import type { CoverageView, EstablishmentChange, TrainingUnitList } from '@harbour/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, upload } from '../../api/client';
import { useForceAreas } from '../../api/force-areas';
import { NO_DATE, isoDate, type DateParts } from '../../components/form/date-parts';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { DateField, FileField, SelectField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { SuccessBanner } from '../../components/success-banner';
import { TableScroll } from '../../components/table-scroll';
import { inLanguage } from './in-language';
import { StandingTag, useDay } from './standing';
import { useCourses } from './training-page';

/**
 * Who in the force is trained, for the team's supervisors: the force's units and establishment
 * (from its HR system's CSV files), a course's coverage by unit and area with each unit's
 * assignment, a course set for a unit by a day, and the colleagues not up to date, by name.
 */
export function CoveragePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('training.coverage.title'));
  const courses = useCourses();
  const [chosen, setChosen] = useState('');
  const courseId = chosen || courses.data?.courses[0]?.id || '';
  return (
    <>
      <Link className="govuk-back-link" to="/training">
        {t('training.backToCourses')}
      </Link>
      <h1 className="govuk-heading-l">{t('training.coverage.title')}</h1>
      <p className="govuk-body">{t('training.coverage.lead')}</p>
      <EstablishmentSection />
      {courses.error && <ErrorSummary problems={problemsFrom(courses.error, t)} />}
      {courses.data && courses.data.courses.length > 0 && (
        <SelectField
          id="course"
          label={t('training.coverage.course')}
          value={courseId}
          onChange={setChosen}
          options={courses.data.courses.map((c) => ({ value: c.id, label: inLanguage(c.title, i18n.language) }))}
        />
      )}
      {courseId && <CourseCoverage courseId={courseId} />}
    </>
  );
}

/** The units and the establishment, and the two files that keep them. */
function EstablishmentSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const units = useQuery({ queryKey: ['training-units'], queryFn: () => api<TrainingUnitList>('GET', '/api/training/units'), retry: false });
  return (
    <section aria-labelledby="establishment-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="establishment-title">
        {t('training.coverage.establishmentTitle')}
      </h2>
      {units.data && (
        <p className="govuk-body" data-testid="establishment-size">
          {t('training.coverage.establishmentSize', {
            colleagues: t('training.coverage.colleagueCount', { count: units.data.establishment }),
            units: t('training.coverage.unitCount', { count: units.data.units.length }),
          })}
        </p>
      )}
      <div className="govuk-grid-row">
        {(['units', 'establishment'] as const).map((kind) => (
          <div className="govuk-grid-column-one-half" key={kind}>
            <FileUpload
              kind={kind}
              onDone={() => {
                void client.invalidateQueries({ queryKey: ['training-units'] });
                void client.invalidateQueries({ queryKey: ['training-coverage'] });
              }}
            />
          </div>
        ))}
      </div>
    </section>
  );
}

/** A CSV file sent as its bytes; refused, every problem the server named is listed by line. */
function FileUpload({ kind, onDone }: { kind: 'units' | 'establishment'; onDone: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const send = useMutation({
    mutationFn: (chosen: File) => upload<EstablishmentChange>(`/api/training/${kind}`, chosen, 'text/csv'),
    onSuccess: () => {
      setProblems([]);
      onDone();
    },
    // A file's problems are its lines, not boxes on this page: listed, not linked.
    onError: (error) =>
      setProblems(error instanceof ApiError && error.fields.length ? error.fields.map((f) => ({ message: f.message })) : problemsFrom(error, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setProblems([{ field: `${kind}-file`, message: t('training.coverage.chooseFile') }]);
    send.mutate(file);
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${kind}-file-title`}>
      <h3 className="govuk-heading-s" id={`${kind}-file-title`}>
        {t(`training.coverage.files.${kind}.title`)}
      </h3>
      {send.data && (
        <SuccessBanner
          message={
            kind === 'units'
              ? t('training.coverage.files.units.done', { count: send.data.units })
              : t('training.coverage.files.establishment.done', { added: send.data.added, changed: send.data.changed, left: send.data.left })
          }
        />
      )}
      <ErrorSummary problems={problems} level={3} />
      <FileField
        id={`${kind}-file`}
        label={t(`training.coverage.files.${kind}.label`)}
        hint={t(`training.coverage.files.${kind}.hint`)}
        error={fieldError(problems, `${kind}-file`)}
        accept=".csv,text/csv,.txt"
        onFile={setFile}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={send.isPending}>
        {t(`training.coverage.files.${kind}.send`)}
      </button>
    </form>
  );
}

function CourseCoverage({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const areas = useForceAreas();
  const day = useDay();
  const coverage = useQuery({
    queryKey: ['training-coverage', courseId],
    queryFn: () => api<CoverageView>('GET', `/api/training/coverage?course=${courseId}`),
    retry: false,
  });
  if (coverage.error) return <ErrorSummary problems={problemsFrom(coverage.error, t)} />;
  const c = coverage.data;
  if (!c) return <p className="govuk-body">{t('common.loading')}</p>;
  return (
    <>
      <p className="app-figure" data-testid="coverage-total">
        {t('training.coverage.total', { trained: c.total.current + c.total.dueSoon, count: c.total.headcount, percent: c.total.percentTrained })}
      </p>
      <CountsTable
        caption={t('training.coverage.byUnit')}
        testId="coverage-units"
        first={t('training.coverage.headings.unit')}
        last={t('training.coverage.headings.assignment')}
        rows={c.units.map((u) => ({
          key: u.id,
          unit: u.code,
          label: u.name,
          counts: u,
          last: u.assignment ? (
            <>
              {t('training.coverage.dueBy', { day: day(u.assignment.dueOn), count: u.assignment.outstanding })}{' '}
              {u.assignment.overdue && <strong className="govuk-tag govuk-tag--red">{t('training.coverage.assignmentOverdue')}</strong>}
            </>
          ) : (
            t('training.coverage.notSet')
          ),
        }))}
      />
      <CountsTable
        caption={t('training.coverage.byArea')}
        testId="coverage-areas"
        first={t('training.coverage.headings.area')}
        rows={c.areas.map((a) => ({
          key: a.localAuthority ?? 'force',
          label: a.localAuthority ? (areas.shown(a.localAuthority) ?? a.localAuthority) : t('training.coverage.forceWide'),
          counts: a,
        }))}
      />
      <AssignForm courseId={courseId} units={c.units} />
      <h2 className="govuk-heading-m">{t('training.coverage.notUpToDate', { count: c.colleagues.length })}</h2>
      {c.colleagues.length > 0 && (
        <TableScroll label={t('training.coverage.notUpToDate', { count: c.colleagues.length })}>
          <table className="govuk-table app-table--small" data-testid="coverage-colleagues">
            <caption className="govuk-table__caption govuk-visually-hidden">{t('training.coverage.notUpToDate', { count: c.colleagues.length })}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {(['name', 'staffNumber', 'unit', 'standing', 'refresher'] as const).map((h) => (
                  <th scope="col" className="govuk-table__header" key={h}>
                    {t(`training.coverage.headings.${h}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {c.colleagues.map((p) => (
                <tr className="govuk-table__row" key={p.staffNumber}>
                  <td className="govuk-table__cell">
                    {p.name}
                    {!p.hasAccount && <span className="govuk-body-s govuk-!-display-block">{t('training.coverage.noAccount')}</span>}
                  </td>
                  <td className="govuk-table__cell">{p.staffNumber}</td>
                  <td className="govuk-table__cell">{p.unit}</td>
                  <td className="govuk-table__cell">
                    <StandingTag standing={p.standing} />
                  </td>
                  <td className="govuk-table__cell">{p.refresherDue ? day(p.refresherDue) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

const HEADINGS = ['headcount', 'upToDate', 'dueSoon', 'overdue', 'never'] as const;

/** Colleagues by where they stand, a row a unit or area; the trained share as a percentage beside its number. */
function CountsTable({
  caption,
  testId,
  first,
  last,
  rows,
}: {
  caption: string;
  testId: string;
  first: string;
  last?: string;
  rows: { key: string; unit?: string; label: string; counts: CoverageView['total']; last?: ReactNode }[];
}) {
  const { t } = useTranslation();
  return (
    <TableScroll label={caption}>
      <table className="govuk-table app-table--small" data-testid={testId}>
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {first}
            </th>
            {HEADINGS.map((h) => (
              <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={h}>
                {t(`training.coverage.headings.${h}`)}
              </th>
            ))}
            {last && (
              <th scope="col" className="govuk-table__header">
                {last}
              </th>
            )}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map(({ key, unit, label, counts: c, last: end }) => (
            <tr className="govuk-table__row" key={key} data-unit={unit}>
              <th scope="row" className="govuk-table__header">
                {label}
              </th>
              {[c.headcount, `${c.current + c.dueSoon} (${c.percentTrained}%)`, c.dueSoon, c.overdue, c.never].map((n, i) => (
                <td className="govuk-table__cell govuk-table__cell--numeric" key={HEADINGS[i]}>
                  {n}
                </td>
              ))}
              {last && <td className="govuk-table__cell">{end}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Sets the course for a unit, to complete by a day. */
function AssignForm({ courseId, units }: { courseId: string; units: CoverageView['units'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [unitId, setUnitId] = useState('');
  const [due, setDue] = useState<DateParts>(NO_DATE);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const assign = useMutation({
    mutationFn: () => api('POST', '/api/training/assignments', { courseId, unitId, dueOn: isoDate(due) ?? '' }),
    onSuccess: () => {
      setProblems([]);
      void client.invalidateQueries({ queryKey: ['training-coverage', courseId] });
    },
    onError: (error) =>
      setProblems(
        problemsFrom(error, t, { unitId: t('training.coverage.chooseUnit'), dueOn: t('training.coverage.chooseDay') }).map((p) =>
          p.field === 'dueOn' ? { ...p, field: 'due-on' } : p,
        ),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate();
  };
  if (units.length === 0) return null;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="assign-title" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="assign-title">
        {t('training.coverage.assignTitle')}
      </h2>
      {assign.isSuccess && <SuccessBanner message={t('training.coverage.assigned')} />}
      <ErrorSummary problems={problems} />
      <SelectField
        id="unitId"
        label={t('training.coverage.unit')}
        value={unitId}
        onChange={setUnitId}
        error={fieldError(problems, 'unitId')}
        options={[{ value: '', label: t('training.coverage.chooseUnit') }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
      />
      <DateField
        id="due-on"
        legend={t('training.coverage.dueOn')}
        hint={t('training.coverage.dueOnHint')}
        value={due}
        onChange={setDue}
        error={fieldError(problems, 'due-on')}
      />
      <button type="submit" className="govuk-button" disabled={assign.isPending}>
        {t('training.coverage.assign')}
      </button>
    </form>
  );
}
