import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, NewOutcomeRequest, OutcomeView } from '@harbour/contract';
import { COURT_RESULTS, OFFENCES, ORDER_TYPES, OUTCOME_KINDS, S45_ASSESSMENTS } from '@harbour/contract/vocabulary';
import { dateParts, isoDate, type DateParts } from '../../components/form/date-parts';
import { CheckField, DateField, RadiosField, SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { fieldError } from '../../components/form/problems';
import { dueDate } from '../tasks/due-date';
import { todayInUk, useCaseChange } from './case-change';
import { DisclosedForm } from './disclosed-form';

/** What is recorded against one suspect: the list, the s45 question when it is open, and the form to add to it. */
export function SuspectOutcomes({ c, entityId, prefix, whose }: { c: CaseView; entityId: string; prefix: string; whose: string }) {
  const { t } = useTranslation();
  const outcomes = c.records.outcomes.filter((o) => o.entityId === entityId);
  const s45Open = c.records.s45Open.includes(entityId);
  // Named by its heading and the person's name, so each person's section is told apart.
  return (
    <section aria-labelledby={`${prefix}-heading ${whose}`}>
      <h4 className="govuk-heading-s" id={`${prefix}-heading`}>
        {t('outcomes.title')}
      </h4>
      {s45Open && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t('common.warning')}</span>
            {t('outcomes.s45Open')}
          </strong>
        </div>
      )}
      {outcomes.length === 0 ? (
        <p className="govuk-body-s">{t('outcomes.none')}</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet" data-outcomes={entityId}>
          {outcomes.map((o) => (
            <li key={o.id}>
              <OutcomeLine o={o} />
            </li>
          ))}
        </ul>
      )}
      {c.canWork && (
        <OutcomeForm c={c} entityId={entityId} prefix={prefix} s45={c.entities.some((e) => e.entityId === entityId && e.role === 'potential_victim')} />
      )}
    </section>
  );
}

/** One outcome in a sentence: what, when, and the detail its kind carries. */
export function OutcomeLine({ o }: { o: OutcomeView }) {
  const { t, i18n } = useTranslation();
  const on = (iso: string) => dueDate(iso, i18n.language);
  const offence = o.offence ? (o.offence === 'other' ? t('outcomes.otherOffence', { code: o.offenceCode }) : t(`outcomes.offence.${o.offence}`)) : null;
  let what: string;
  switch (o.kind) {
    case 'charge':
      what = t('outcomes.line.charge', { offence });
      break;
    case 'court_result':
      what = t(`outcomes.result.${o.result}`) + (offence ? ` (${offence})` : '');
      break;
    case 'order':
      what = `${t(`outcomes.order.${o.orderType}`)}, ${o.untilFurtherOrder ? t('outcomes.untilFurtherOrder') : t('outcomes.endsOn', { date: on(o.endsOn ?? '') })}`;
      break;
    case 's45':
      what = t(`outcomes.s45.${o.result}`);
      break;
    case 'arrest':
      what = t('outcomes.kind.arrest');
  }
  return (
    <>
      <strong>{what}</strong> — {on(o.occurredOn)}
      {o.kind === 'order' && o.inForce && (
        <>
          {' '}
          <strong className="govuk-tag govuk-tag--green">{t('outcomes.inForce')}</strong>
        </>
      )}
      {o.details && <span className="govuk-body-s app-preserve-lines"> — {o.details}</span>}
    </>
  );
}

interface OutcomeFormState {
  kind: string;
  occurredOn: DateParts;
  offence: string;
  offenceCode: string;
  result: string;
  orderType: string;
  endsOn: DateParts;
  untilFurtherOrder: boolean;
  details: string;
}

function OutcomeForm({ c, entityId, prefix, s45 }: { c: CaseView; entityId: string; prefix: string; s45: boolean }) {
  const { t } = useTranslation();
  const blank: OutcomeFormState = {
    kind: '',
    occurredOn: dateParts(todayInUk()),
    offence: '',
    offenceCode: '',
    result: '',
    orderType: '',
    endsOn: { day: '', month: '', year: '' },
    untilFurtherOrder: false,
    details: '',
  };
  const [form, setForm] = useState<OutcomeFormState>(blank);
  const [open, setOpen] = useState(false);
  const { change, problems, setProblems } = useCaseChange(c.id, prefix, () => {
    setForm(blank);
    setOpen(false);
  });
  const set = <K extends keyof OutcomeFormState>(key: K, value: OutcomeFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const id = (field: string) => `${prefix}-${field}`;
  const error = (field: string) => fieldError(problems, id(field));
  const kinds = OUTCOME_KINDS.filter((k) => k !== 's45' || s45);

  const submit = () => {
    const occurredOn = isoDate(form.occurredOn);
    const endsOn = isoDate(form.endsOn);
    if (!form.kind) return setProblems([{ field: id('kind'), message: t('outcomes.chooseKind') }]);
    if (!occurredOn) return setProblems([{ field: id('occurredOn'), message: t('tasks.badDate') }]);
    if (endsOn === null) return setProblems([{ field: id('endsOn'), message: t('tasks.badDate') }]);
    const body: NewOutcomeRequest = {
      entityId,
      kind: form.kind as NewOutcomeRequest['kind'],
      occurredOn,
      offence: (form.offence || null) as NewOutcomeRequest['offence'],
      offenceCode: form.offenceCode || null,
      result: (form.result || null) as NewOutcomeRequest['result'],
      orderType: (form.orderType || null) as NewOutcomeRequest['orderType'],
      endsOn: endsOn || null,
      untilFurtherOrder: form.untilFurtherOrder,
      details: form.details,
    };
    change.mutate({ method: 'POST', path: '/outcomes', body });
  };

  return (
    <DisclosedForm
      summary={t('outcomes.record')}
      open={open}
      onOpen={setOpen}
      problems={problems}
      onSubmit={submit}
      submitLabel={t('outcomes.save')}
      busy={change.isPending}
    >
      <RadiosField
        name={id('kind')}
        legend={t('outcomes.what')}
        value={form.kind}
        onChange={(v) => set('kind', v)}
        options={kinds.map((k) => [k, t(`outcomes.kind.${k}`)])}
        error={error('kind')}
      />
      <DateField id={id('occurredOn')} legend={t('outcomes.when')} value={form.occurredOn} onChange={(v) => set('occurredOn', v)} error={error('occurredOn')} />
      {(form.kind === 'charge' || form.kind === 'court_result') && (
        <>
          <SelectField
            id={id('offence')}
            label={t('outcomes.offenceLabel')}
            value={form.offence}
            onChange={(v) => set('offence', v)}
            error={error('offence')}
            options={[{ value: '', label: t('outcomes.chooseOffence') }, ...OFFENCES.map((o) => ({ value: o, label: t(`outcomes.offence.${o}`) }))]}
          />
          {form.offence === 'other' && (
            <TextField
              id={id('offenceCode')}
              label={t('outcomes.offenceCode')}
              hint={t('outcomes.offenceCodeHint')}
              value={form.offenceCode}
              onChange={(e) => set('offenceCode', e.target.value)}
              error={error('offenceCode')}
            />
          )}
        </>
      )}
      {form.kind === 'court_result' && (
        <RadiosField
          name={id('result')}
          legend={t('outcomes.resultLabel')}
          value={form.result}
          onChange={(v) => set('result', v)}
          options={COURT_RESULTS.map((r) => [r, t(`outcomes.result.${r}`)])}
          error={error('result')}
        />
      )}
      {form.kind === 's45' && (
        <RadiosField
          name={id('result')}
          legend={t('outcomes.s45Label')}
          hint={t('outcomes.s45Hint')}
          value={form.result}
          onChange={(v) => set('result', v)}
          options={S45_ASSESSMENTS.map((r) => [r, t(`outcomes.s45.${r}`)])}
          error={error('result')}
        />
      )}
      {form.kind === 'order' && (
        <>
          <RadiosField
            name={id('orderType')}
            legend={t('outcomes.orderLabel')}
            hint={t('outcomes.orderHint')}
            value={form.orderType}
            onChange={(v) => set('orderType', v)}
            options={ORDER_TYPES.map((o) => [o, t(`outcomes.order.${o}`)])}
            error={error('orderType')}
          />
          <DateField id={id('endsOn')} legend={t('outcomes.endsOnLabel')} value={form.endsOn} onChange={(v) => set('endsOn', v)} error={error('endsOn')} />
          {form.orderType !== 'stro' && (
            <CheckField
              id={id('untilFurtherOrder')}
              label={t('outcomes.untilFurtherOrder')}
              checked={form.untilFurtherOrder}
              onChange={(v) => set('untilFurtherOrder', v)}
            />
          )}
        </>
      )}
      <TextAreaField
        id={id('details')}
        label={t('outcomes.details')}
        value={form.details}
        onChange={(v) => set('details', v)}
        rows={2}
        limit={2000}
        error={error('details')}
      />
    </DisclosedForm>
  );
}
