import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementList, AgreementView, NewAgreementRequest } from '@harbour/contract';
import { SHARING_CATEGORIES } from '@harbour/contract/vocabulary';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { NO_DATE, isoDate, type DateParts } from '../../components/form/date-parts';
import { CheckboxesField, DateField, SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { dueDate } from '../tasks/due-date';

/**
 * Information-sharing agreements with partner agencies (an administrator's): who, what for, on
 * what lawful basis, which categories of data, from when until when; ended early with a reason.
 * Nothing is shared with an agency outside one in force.
 */
export function AgreementsPage() {
  const { t } = useTranslation();
  usePageTitle(t('sharing.agreements.title'));
  const list = useQuery({ queryKey: ['agreements'], queryFn: () => api<AgreementList>('GET', '/api/admin/agreements') });
  return (
    <>
      <h1 className="govuk-heading-l">{t('sharing.agreements.title')}</h1>
      <p className="govuk-body">{t('sharing.agreements.lead')}</p>
      {list.data && list.data.agreements.length === 0 && <p className="govuk-body">{t('sharing.agreements.none')}</p>}
      {list.data?.agreements.map((a) => (
        <AgreementCard a={a} key={a.id} />
      ))}
      {list.data && <NewAgreementForm agencies={list.data.agencies} />}
    </>
  );
}

function AgreementCard({ a }: { a: AgreementView }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const end = useMutation({
    mutationFn: () => api<AgreementView>('POST', `/api/admin/agreements/${a.id}/end`, { reason }),
    onSuccess: async () => {
      setProblems([]);
      await client.invalidateQueries({ queryKey: ['agreements'] });
    },
    onError: (error) => setProblems(problemsFrom(error, t).map((p) => (p.field === 'reason' ? { ...p, field: `end-${a.id}` } : p))),
  });
  const on = (iso: string) => dueDate(iso, i18n.language);
  const rows: [string, string][] = [
    [t('sharing.agreements.purpose'), a.purpose],
    [t('sharing.agreements.lawfulBasis'), a.lawfulBasis],
    [
      t('sharing.agreements.categories'),
      a.categories.length ? a.categories.map((c) => t(`sharing.categories.${c}`)).join(', ') : t('sharing.case.nothingMore'),
    ],
    [t('sharing.agreements.period'), t('sharing.agreements.fromTo', { from: on(a.startsOn), to: on(a.endsOn) })],
  ];
  if (a.endReason) rows.push([t('sharing.agreements.endedWhy'), a.endReason]);
  return (
    <section className="govuk-summary-card" aria-labelledby={`agreement-${a.id}`} data-agreement={a.id}>
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title" id={`agreement-${a.id}`}>
          {a.agency}
          {/* An agency may have several agreements: each card is named by its purpose too. */}
          <span className="govuk-visually-hidden">: {a.purpose}</span>{' '}
          <strong className={`govuk-tag ${a.inForce ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>
            {a.inForce ? t('sharing.agreements.inForce') : t('sharing.agreements.notInForce')}
          </strong>
        </h2>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          {rows.map(([k, v]) => (
            <div className="govuk-summary-list__row" key={k}>
              <dt className="govuk-summary-list__key">{k}</dt>
              <dd className="govuk-summary-list__value app-preserve-lines">{v}</dd>
            </div>
          ))}
        </dl>
        {a.inForce && (
          <>
            <ErrorSummary problems={problems} level={3} />
            <TextField
              id={`end-${a.id}`}
              label={t('sharing.agreements.endReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={fieldError(problems, `end-${a.id}`)}
            />
            <button type="button" className="govuk-button govuk-button--warning" onClick={() => end.mutate()} disabled={end.isPending}>
              {t('sharing.agreements.end')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}

function NewAgreementForm({ agencies }: { agencies: AgreementList['agencies'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [agencyId, setAgencyId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [lawfulBasis, setLawfulBasis] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [startsOn, setStartsOn] = useState<DateParts>(NO_DATE);
  const [endsOn, setEndsOn] = useState<DateParts>(NO_DATE);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const create = useMutation({
    mutationFn: (body: NewAgreementRequest) => api<AgreementView>('POST', '/api/admin/agreements', body),
    onSuccess: async () => {
      setAgencyId('');
      setPurpose('');
      setLawfulBasis('');
      setCategories([]);
      setStartsOn(NO_DATE);
      setEndsOn(NO_DATE);
      setProblems([]);
      await client.invalidateQueries({ queryKey: ['agreements'] });
    },
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  return (
    <section aria-labelledby="new-agreement">
      <h2 className="govuk-heading-m" id="new-agreement">
        {t('sharing.agreements.new')}
      </h2>
      <ErrorSummary problems={problems} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const from = isoDate(startsOn);
          const to = isoDate(endsOn);
          if (!agencyId) return setProblems([{ field: 'agencyId', message: t('sharing.case.chooseAgency') }]);
          if (!from) return setProblems([{ field: 'startsOn', message: t('tasks.badDate') }]);
          if (!to) return setProblems([{ field: 'endsOn', message: t('tasks.badDate') }]);
          create.mutate({ agencyId, purpose, lawfulBasis, categories: categories as NewAgreementRequest['categories'], startsOn: from, endsOn: to });
        }}
        noValidate
      >
        <SelectField
          id="agencyId"
          label={t('sharing.agreements.agency')}
          value={agencyId}
          onChange={setAgencyId}
          error={fieldError(problems, 'agencyId')}
          options={[{ value: '', label: t('sharing.case.chooseAgency') }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
        />
        <TextAreaField
          id="purpose"
          label={t('sharing.agreements.purpose')}
          value={purpose}
          onChange={setPurpose}
          rows={2}
          limit={2000}
          error={fieldError(problems, 'purpose')}
        />
        <TextField
          id="lawfulBasis"
          label={t('sharing.agreements.lawfulBasis')}
          hint={t('sharing.agreements.lawfulBasisHint')}
          value={lawfulBasis}
          onChange={(e) => setLawfulBasis(e.target.value)}
          error={fieldError(problems, 'lawfulBasis')}
        />
        <CheckboxesField
          name="categories"
          legend={t('sharing.agreements.categories')}
          hint={t('sharing.agreements.categoriesHint')}
          values={categories}
          onChange={setCategories}
          options={SHARING_CATEGORIES.map((c) => [c, t(`sharing.categories.${c}`)])}
        />
        <DateField id="startsOn" legend={t('sharing.agreements.startsOn')} value={startsOn} onChange={setStartsOn} error={fieldError(problems, 'startsOn')} />
        <DateField id="endsOn" legend={t('sharing.agreements.endsOn')} value={endsOn} onChange={setEndsOn} error={fieldError(problems, 'endsOn')} />
        <button type="submit" className="govuk-button" disabled={create.isPending}>
          {t('sharing.agreements.save')}
        </button>
      </form>
    </section>
  );
}
