import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, PlanRequest, PlanView } from '@harbour/contract';
import { NO_DATE, dateParts, isoDate, type DateParts } from '../../components/form/date-parts';
import { CheckField, DateField, SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { fieldError } from '../../components/form/problems';
import { dueDate } from '../tasks/due-date';
import { todayInUk, useCaseChange } from './case-change';
import { DisclosedForm } from './disclosed-form';

/** A potential victim's safeguarding plan: what it says, its reviews (a review fallen due flagged), and its forms. */
export function VictimSafeguarding({ c, entityId, prefix, whose }: { c: CaseView; entityId: string; prefix: string; whose: string }) {
  const { t, i18n } = useTranslation();
  const plan = c.records.plans.find((p) => p.entityId === entityId);
  const on = (iso: string) => dueDate(iso, i18n.language);
  // Named by its heading and the person's name, so each person's section is told apart.
  return (
    <section aria-labelledby={`${prefix}-heading ${whose}`}>
      <h4 className="govuk-heading-s" id={`${prefix}-heading`}>
        {t('protect.plan.title')}
      </h4>
      {!plan && <p className="govuk-body-s">{t('protect.plan.none')}</p>}
      {plan && (
        <>
          <dl className="govuk-summary-list govuk-summary-list--no-border app-summary-compact" data-plan={plan.id}>
            {(
              [
                [t('protect.plan.risks'), plan.immediateRisks],
                [t('protect.plan.accommodation'), plan.accommodation],
                [t('protect.plan.supportProvider'), plan.supportProvider],
                [
                  t('protect.plan.interpreter'),
                  plan.interpreterNeeded ? t('protect.plan.interpreterIn', { language: plan.language ?? '—' }) : t('protect.plan.noInterpreter'),
                ],
                [t('protect.plan.leadAgency'), plan.leadAgency ?? '—'],
              ] as const
            )
              .filter(([, value]) => value)
              .map(([key, value]) => (
                <div className="govuk-summary-list__row" key={key}>
                  <dt className="govuk-summary-list__key">{key}</dt>
                  <dd className="govuk-summary-list__value app-preserve-lines">{value}</dd>
                </div>
              ))}
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t('protect.plan.nextReview')}</dt>
              <dd className="govuk-summary-list__value">
                {on(plan.nextReviewOn)} {plan.reviewOverdue && <strong className="govuk-tag govuk-tag--red">{t('protect.overdue')}</strong>}
              </dd>
            </div>
          </dl>
          {plan.reviews.length > 0 && (
            <ul className="govuk-list govuk-body-s">
              {plan.reviews.map((r) => (
                <li key={r.id}>
                  {t('protect.plan.reviewedBy', { date: on(r.reviewedOn), name: r.by })}: <span className="app-preserve-lines">{r.note}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {c.canWork && <PlanForm c={c} entityId={entityId} prefix={prefix} plan={plan} />}
      {c.canWork && plan && <ReviewForm c={c} plan={plan} prefix={`${prefix}-review`} />}
    </section>
  );
}

interface PlanFormState {
  immediateRisks: string;
  accommodation: string;
  supportProvider: string;
  interpreterNeeded: boolean;
  language: string;
  leadAgencyId: string;
  nextReviewOn: DateParts;
}

function PlanForm({ c, entityId, prefix, plan }: { c: CaseView; entityId: string; prefix: string; plan: PlanView | undefined }) {
  const { t } = useTranslation();
  const prefill = c.records.prefill.find((p) => p.entityId === entityId);
  const [form, setForm] = useState<PlanFormState>(() => ({
    immediateRisks: plan?.immediateRisks ?? '',
    accommodation: plan?.accommodation ?? '',
    supportProvider: plan?.supportProvider ?? '',
    interpreterNeeded: plan?.interpreterNeeded ?? prefill?.interpreterNeeded ?? false,
    language: plan?.language ?? prefill?.language ?? '',
    leadAgencyId: plan?.leadAgencyId ?? '',
    nextReviewOn: plan ? dateParts(plan.nextReviewOn) : NO_DATE,
  }));
  const [open, setOpen] = useState(false);
  const { change, problems, setProblems } = useCaseChange(c.id, prefix, () => setOpen(false));
  const set = <K extends keyof PlanFormState>(key: K, value: PlanFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const id = (field: string) => `${prefix}-${field}`;
  const error = (field: string) => fieldError(problems, id(field));
  const submit = () => {
    const nextReviewOn = isoDate(form.nextReviewOn);
    if (!nextReviewOn) return setProblems([{ field: id('nextReviewOn'), message: t('protect.plan.reviewDateNeeded') }]);
    const body: Omit<PlanRequest, 'entityId'> = {
      immediateRisks: form.immediateRisks,
      accommodation: form.accommodation,
      supportProvider: form.supportProvider,
      interpreterNeeded: form.interpreterNeeded,
      language: form.language || null,
      leadAgencyId: form.leadAgencyId || null,
      nextReviewOn,
    };
    change.mutate(plan ? { method: 'PUT', path: `/safeguarding/${plan.id}`, body } : { method: 'POST', path: '/safeguarding', body: { ...body, entityId } });
  };
  return (
    <DisclosedForm
      summary={plan ? t('protect.plan.change') : t('protect.plan.record')}
      open={open}
      onOpen={setOpen}
      problems={problems}
      onSubmit={submit}
      submitLabel={t('protect.plan.save')}
      busy={change.isPending}
    >
      <TextAreaField
        id={id('immediateRisks')}
        label={t('protect.plan.risks')}
        hint={t('protect.plan.risksHint')}
        value={form.immediateRisks}
        onChange={(v) => set('immediateRisks', v)}
        rows={3}
        limit={5000}
        error={error('immediateRisks')}
      />
      <TextAreaField
        id={id('accommodation')}
        label={t('protect.plan.accommodation')}
        value={form.accommodation}
        onChange={(v) => set('accommodation', v)}
        rows={2}
        limit={2000}
        error={error('accommodation')}
      />
      <TextField
        id={id('supportProvider')}
        label={t('protect.plan.supportProvider')}
        value={form.supportProvider}
        onChange={(e) => set('supportProvider', e.target.value)}
        error={error('supportProvider')}
      />
      <CheckField
        id={id('interpreterNeeded')}
        label={t('protect.plan.interpreterNeeded')}
        checked={form.interpreterNeeded}
        onChange={(v) => set('interpreterNeeded', v)}
      />
      <TextField
        id={id('language')}
        label={t('protect.plan.language')}
        value={form.language}
        onChange={(e) => set('language', e.target.value)}
        error={error('language')}
      />
      <SelectField
        id={id('leadAgencyId')}
        label={t('protect.plan.leadAgency')}
        value={form.leadAgencyId}
        onChange={(v) => set('leadAgencyId', v)}
        error={error('leadAgencyId')}
        options={[{ value: '', label: t('protect.plan.chooseAgency') }, ...c.records.agencies.map((a) => ({ value: a.id, label: a.name }))]}
      />
      <DateField
        id={id('nextReviewOn')}
        legend={t('protect.plan.nextReview')}
        value={form.nextReviewOn}
        onChange={(v) => set('nextReviewOn', v)}
        error={error('nextReviewOn')}
      />
    </DisclosedForm>
  );
}

function ReviewForm({ c, plan, prefix }: { c: CaseView; plan: PlanView; prefix: string }) {
  const { t } = useTranslation();
  const [reviewedOn, setReviewedOn] = useState<DateParts>(() => dateParts(todayInUk()));
  const [note, setNote] = useState('');
  const [next, setNext] = useState<DateParts>(NO_DATE);
  const [open, setOpen] = useState(false);
  const { change, problems, setProblems } = useCaseChange(c.id, prefix, () => {
    setNote('');
    setNext(NO_DATE);
    setOpen(false);
  });
  const id = (field: string) => `${prefix}-${field}`;
  const submit = () => {
    const on = isoDate(reviewedOn);
    const nextOn = isoDate(next);
    if (!on) return setProblems([{ field: id('reviewedOn'), message: t('tasks.badDate') }]);
    if (!nextOn) return setProblems([{ field: id('nextReviewOn'), message: t('protect.plan.reviewDateNeeded') }]);
    change.mutate({ method: 'POST', path: `/safeguarding/${plan.id}/reviews`, body: { reviewedOn: on, note, nextReviewOn: nextOn } });
  };
  return (
    <DisclosedForm
      summary={t('protect.plan.review')}
      open={open}
      onOpen={setOpen}
      problems={problems}
      onSubmit={submit}
      submitLabel={t('protect.plan.saveReview')}
      busy={change.isPending}
    >
      <DateField
        id={id('reviewedOn')}
        legend={t('protect.plan.reviewedOn')}
        value={reviewedOn}
        onChange={setReviewedOn}
        error={fieldError(problems, id('reviewedOn'))}
      />
      <TextAreaField
        id={id('note')}
        label={t('protect.plan.reviewNote')}
        value={note}
        onChange={setNote}
        rows={3}
        limit={5000}
        error={fieldError(problems, id('note'))}
      />
      <DateField
        id={id('nextReviewOn')}
        legend={t('protect.plan.nextReview')}
        value={next}
        onChange={setNext}
        error={fieldError(problems, id('nextReviewOn'))}
      />
    </DisclosedForm>
  );
}
