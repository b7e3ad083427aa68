import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/table-scroll';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { Grading } from '../../components/grading';
import { usePageTitle } from '../../components/page-title';
import { SuccessBanner } from '../../components/success-banner';
import { hasPermission, useSession } from '../../session/session';
import { OpenCaseForm } from '../cases/open-case-form';
import { AssertedLinks } from './asserted-links';
import { PhoneCalls } from './phone-calls';
import { ReportLink } from './report-link';
import type { EntityChange, EntityView } from '@harbour/contract';
import { dateLocale } from '../../i18n/locale';

/**
 * One entity of the picture: what is recorded about it and where each fact came from (report,
 * date, grading), its source records, the entities it is linked to, a timeline, and its merges
 * and splits, each undoable.
 */
export function EntityPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { data: session } = useSession();
  const canResolve = hasPermission(session, 'picture:resolve');
  const canOpenCase = hasPermission(session, 'cases:work');
  const entity = useQuery({ queryKey: ['entity', id], queryFn: () => api<EntityView>('GET', `/api/entities/${id}`), retry: false });
  const [chosen, setChosen] = useState<string[]>([]);
  const [other, setOther] = useState('');
  const [done, setDone] = useState<string>();
  const when = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' });
  // Values chosen from a list are stored as codes; show them in the reader's language.
  const shown = (name: string, value: string) => (name === 'type' ? t(`referral.documents.types.${value}`, { defaultValue: value }) : value);
  const label = (text: string) => (text === 'unnamed person' ? t('picture.entity.unnamed') : text);
  usePageTitle(entity.data ? label(entity.data.label) : t('picture.entity.title'));

  const refresh = async (message: string) => {
    setDone(message);
    setChosen([]);
    await client.invalidateQueries({ queryKey: ['entity'] });
  };
  const split = useMutation({
    mutationFn: () => api<EntityChange>('POST', `/api/entities/${id}/split`, { recordIds: chosen }),
    onSuccess: () => refresh(t('picture.entity.splitDone')),
  });
  const merge = useMutation({
    mutationFn: () => api<EntityChange>('POST', `/api/entities/${id}/merge`, { entityId: entityIdFrom(other) }),
    onSuccess: async () => {
      setOther('');
      await refresh(t('picture.entity.mergeDone'));
    },
  });
  const undo = useMutation({
    mutationFn: (changeId: string) => api('POST', `/api/entity-changes/${changeId}/undo`),
    onSuccess: () => refresh(t('picture.entity.undoDone')),
  });
  const error = split.error ?? merge.error ?? undo.error ?? entity.error;
  const problems = error ? problemsFrom(error, t) : [];

  if (entity.isLoading) return <p className="govuk-body">{t('common.loading')}</p>;
  if (!entity.data) return <ErrorSummary problems={problems} />;
  const e = entity.data;

  return (
    <>
      <span className="govuk-caption-l">{t(`picture.kind.${e.kind}`)}</span>
      <h1 className="govuk-heading-l">{label(e.label)}</h1>
      {done && <SuccessBanner message={done} />}
      {problems.length > 0 && <ErrorSummary problems={problems} />}
      {e.mergedInto && (
        <div className="govuk-inset-text">
          {t('picture.entity.mergedInto')}{' '}
          <Link className="govuk-link" to={`/entities/${e.mergedInto}`}>
            {t('picture.entity.goToMerged')}
          </Link>
        </div>
      )}

      <h2 className="govuk-heading-m">{t('picture.entity.attributes')}</h2>
      <TableScroll label={t('picture.entity.attributes')}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">{t('picture.entity.attributes')}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {t('picture.entity.attribute')}
              </th>
              <th scope="col" className="govuk-table__header">
                {t('picture.entity.value')}
              </th>
              <th scope="col" className="govuk-table__header">
                {t('picture.entity.sources')}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {e.attributes.map((a) => (
              <tr className="govuk-table__row" key={`${a.name}|${a.value}`}>
                <th scope="row" className="govuk-table__header">
                  {t(`picture.attributes.${a.name}`, { defaultValue: a.name })}
                </th>
                <td className="govuk-table__cell">{shown(a.name, a.value)}</td>
                <td className="govuk-table__cell">
                  <ul className="app-inline-list">
                    {a.sources.map((s) => (
                      <li key={s.recordId}>
                        <ReportLink id={s.id} reference={s.reference} /> <span className="app-quiet">{when.format(new Date(s.receivedAt))}</span>{' '}
                        <Grading code={s.grading} />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2 className="govuk-heading-m" id="records-title">
        {t('picture.entity.records', { count: e.records.length })}
      </h2>
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          setDone(undefined);
          split.mutate();
        }}
        noValidate
        aria-labelledby="records-title"
      >
        <TableScroll label={t('picture.entity.records', { count: e.records.length })}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">{t('picture.entity.records', { count: e.records.length })}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {canResolve && (
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">{t('picture.entity.choose')}</span>
                  </th>
                )}
                <th scope="col" className="govuk-table__header">
                  {t('picture.entity.report')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('picture.entity.recorded')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('picture.entity.how')}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {e.records.map((r) => (
                <tr className="govuk-table__row" key={r.id}>
                  {canResolve && (
                    <td className="govuk-table__cell">
                      <div className="govuk-checkboxes govuk-checkboxes--small">
                        <div className="govuk-checkboxes__item">
                          <input
                            className="govuk-checkboxes__input"
                            id={`record-${r.id}`}
                            type="checkbox"
                            checked={chosen.includes(r.id)}
                            onChange={(ev) => setChosen(ev.target.checked ? [...chosen, r.id] : chosen.filter((x) => x !== r.id))}
                          />
                          <label className="govuk-label govuk-checkboxes__label" htmlFor={`record-${r.id}`}>
                            <span className="govuk-visually-hidden">{t('picture.entity.chooseRecord', { reference: r.report.reference })}</span>
                          </label>
                        </div>
                      </div>
                    </td>
                  )}
                  <td className="govuk-table__cell">
                    <ReportLink id={r.report.id} reference={r.report.reference} />
                    <span className="app-table-hint">
                      {when.format(new Date(r.report.receivedAt))} · {t(`sources.${r.report.source}`)}
                    </span>
                    <Grading code={r.report.grading} />
                    <p className="govuk-body-s govuk-!-margin-top-1">{r.report.summary}</p>
                  </td>
                  <td className="govuk-table__cell">
                    {r.role && <strong>{t(`reportView.roles.${r.role}`, { defaultValue: r.role })}</strong>}
                    <dl className="app-attributes">
                      {Object.entries(r.attributes).map(([k, v]) => (
                        <div key={k}>
                          <dt>{t(`picture.attributes.${k}`, { defaultValue: k })}</dt>
                          <dd>{shown(k, v)}</dd>
                        </div>
                      ))}
                    </dl>
                  </td>
                  <td className="govuk-table__cell">
                    {t(`picture.entity.resolvedBy.${r.resolvedBy ?? 'new'}`, {
                      p: r.matchProbability === null ? '' : r.matchProbability.toFixed(2),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {canResolve && e.records.length > 1 && (
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={chosen.length === 0 || split.isPending}>
            {t('picture.entity.split')}
          </button>
        )}
      </form>

      <h2 className="govuk-heading-m">{t('picture.entity.linked')}</h2>
      {(e.linked.length !== 0 || e.asserted.length !== 0) && !e.mergedInto && (
        <Link className="govuk-button govuk-button--secondary" to={`/chart?entity=${e.id}`}>
          {t('picture.entity.chart')}
        </Link>
      )}
      {e.linked.length === 0 ? (
        <p className="govuk-body">{t('picture.entity.noLinked')}</p>
      ) : (
        <TableScroll label={t('picture.entity.linked')}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">{t('picture.entity.linked')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t('picture.entity.linkedEntity')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('picture.entity.through')}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {e.linked.map((l) => (
                <tr className="govuk-table__row" key={l.id}>
                  <th scope="row" className="govuk-table__header">
                    <span className="app-table-hint">{t(`picture.kind.${l.kind}`)}</span>
                    <Link className="govuk-link" to={`/entities/${l.id}`}>
                      {label(l.label)}
                    </Link>
                    {l.roles.length > 0 && (
                      <span className="app-table-hint">{l.roles.map((r) => t(`reportView.roles.${r}`, { defaultValue: r })).join(', ')}</span>
                    )}
                  </th>
                  <td className="govuk-table__cell">
                    <ul className="govuk-list govuk-!-margin-bottom-0">
                      {l.reports.map((r) => (
                        <li key={r.id}>
                          <ReportLink id={r.id} reference={r.reference} />, {when.format(new Date(r.receivedAt))} <Grading code={r.grading} />
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <AssertedLinks entity={e} when={when} />

      {e.kind === 'phone' && !e.mergedInto && <PhoneCalls id={e.id} />}

      <h2 className="govuk-heading-m">{t('picture.entity.timeline')}</h2>
      <ol className="govuk-list app-timeline">
        {e.timeline.map((item, i) => (
          <li key={`${item.at}-${i}`}>
            <time dateTime={item.at} className="app-table-hint">
              {when.format(new Date(item.at))}
            </time>
            {item.what === 'reported' && item.report ? (
              <>
                {t('picture.entity.reportedIn')} <ReportLink id={item.report.id} reference={item.report.reference} />
                {item.role ? ` (${t(`reportView.roles.${item.role}`, { defaultValue: item.role })})` : ''} <Grading code={item.report.grading} />
              </>
            ) : (
              t(`picture.entity.change.${item.what}`, { actor: item.actor ?? t('picture.entity.theModel') })
            )}
          </li>
        ))}
      </ol>

      {e.changes.length > 0 && (
        <>
          <h2 className="govuk-heading-m">{t('picture.entity.history')}</h2>
          <ul className="govuk-list">
            {e.changes.map((c) => (
              <li key={c.id}>
                {when.format(new Date(c.at))}: {t(`picture.entity.change.${c.action}`, { actor: c.actor ?? t('picture.entity.theModel') })} (
                {t('picture.entity.movedRecords', { count: c.records })}
                {c.fromReview ? `, ${t('picture.entity.fromReview')}` : ''}){c.undone && ` – ${t('picture.entity.undone')}`}
                {canResolve && !c.undone && c.action !== 'undo' && (
                  <button type="button" className="app-link-button govuk-!-margin-left-2" onClick={() => undo.mutate(c.id)} disabled={undo.isPending}>
                    {t('picture.entity.undo')}
                    <span className="govuk-visually-hidden"> {t(`picture.entity.change.${c.action}`, { actor: c.actor ?? '' })}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      {canResolve && !e.mergedInto && (
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            setDone(undefined);
            merge.mutate();
          }}
          noValidate
        >
          <h2 className="govuk-heading-m">{t('picture.entity.mergeTitle')}</h2>
          <TextField
            id="entityId"
            label={t('picture.entity.mergeLabel')}
            hint={t('picture.entity.mergeHint')}
            value={other}
            onChange={(ev) => setOther(ev.target.value)}
            error={fieldError(problems, 'entityId')}
          />
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={merge.isPending}>
            {t('picture.entity.merge')}
          </button>
        </form>
      )}
      {canOpenCase && !e.mergedInto && <OpenCaseForm from={{ entityId: e.id, person: e.kind === 'person' }} />}
      <p className="govuk-body">
        <button type="button" className="app-link-button" onClick={() => void navigate(-1)}>
          {t('picture.entity.back')}
        </button>
      </p>
    </>
  );
}

/** Analysts paste either an entity's id or its address in Harbour. */
function entityIdFrom(text: string): string {
  const match = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(text);
  return match ? match[0].toLowerCase() : text.trim();
}
