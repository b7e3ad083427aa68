import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, NrmRequest, NrmView, ProtectPrefill } from '@harbour/contract';
import { EXPLOITATION_TYPES, NRM_DECISIONS, SUPPORT_STATUSES } from '@harbour/contract/vocabulary';
import { NO_DATE, dateParts, isoDate, type DateParts } from '../../components/form/date-parts';
import { CheckboxesField, DateField, RadiosField, SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { fieldError } from '../../components/form/problems';
import { dueDate } from '../tasks/due-date';
import { todayInUk, useCaseChange } from './case-change';
import { DisclosedForm } from './disclosed-form';

/**
 * A potential victim's NRM referral or Duty to Notify: where it stands (with the decision that is
 * late or awaited flagged), and the form to record it — prefilled from intake's guidance — or to
 * record its decisions and support as they come.
 */
export function VictimNrm({ c, entityId, prefix, whose }: { c: CaseView; entityId: string; prefix: string; whose: string }) {
  const { t } = useTranslation();
  const record = c.records.nrm.find((n) => n.entityId === entityId);
  const prefill = c.records.prefill.find((p) => p.entityId === entityId);
  // Named by its heading and the person's name, so each person's section is told apart.
  return (
    <section aria-labelledby={`${prefix}-heading ${whose}`}>
      <h4 className="govuk-heading-s" id={`${prefix}-heading`}>
        {t('protect.nrm.title')}
      </h4>
      {record ? (
        <NrmSummary n={record} />
      ) : (
        <p className="govuk-body-s">{prefill ? t('protect.nrm.guidance', { report: prefill.fromReport }) : t('protect.nrm.none')}</p>
      )}
      {!record && prefill && <p className="govuk-body-s govuk-!-font-weight-bold">{t(`protect.nrm.step.${prefill.route ?? 'ask'}`)}</p>}
      {c.canWork && <NrmForm c={c} entityId={entityId} prefix={prefix} record={record} prefill={prefill} />}
    </section>
  );
}

function NrmSummary({ n }: { n: NrmView }) {
  const { t, i18n } = useTranslation();
  const on = (iso: string) => dueDate(iso, i18n.language);
  const rows: [string, React.ReactNode][] = [
    [t('protect.nrm.route'), `${t(`protect.nrm.routes.${n.route}`)} — ${t(n.child ? 'protect.nrm.child' : 'protect.nrm.adult')}`],
    [t('protect.nrm.referredOn'), `${on(n.referredOn)}, ${n.firstResponder}`],
  ];
  if (n.homeOfficeReference) rows.push([t('protect.nrm.hoReference'), n.homeOfficeReference]);
  if (n.exploitationTypes.length > 0) rows.push([t('protect.nrm.types'), n.exploitationTypes.map((x) => t(`referral.types.${x}`)).join(', ')]);
  if (n.route === 'nrm') {
    rows.push([
      t('protect.nrm.rg'),
      n.rgDecision ? (
        `${t(`protect.nrm.decision.${n.rgDecision}`)}, ${on(n.rgDecidedOn ?? '')}`
      ) : (
        <>
          {t('protect.nrm.awaitedBy', { date: on(n.rgDueBy ?? '') })}{' '}
          {n.rgOverdue && <strong className="govuk-tag govuk-tag--red">{t('protect.overdue')}</strong>}
        </>
      ),
    ]);
    rows.push([
      t('protect.nrm.cg'),
      n.cgDecision ? (
        `${t(`protect.nrm.decision.${n.cgDecision}`)}, ${on(n.cgDecidedOn ?? '')}`
      ) : n.cgFrom ? (
        <>
          {t('protect.nrm.cgFrom', { date: on(n.cgFrom) })}{' '}
          {n.cgAwaited && <strong className="govuk-tag govuk-tag--yellow">{t('protect.nrm.cgAwaited')}</strong>}
        </>
      ) : (
        t('protect.nrm.cgNotYet')
      ),
    ]);
    rows.push([t('protect.nrm.support'), t(`protect.support.${n.supportStatus}`)]);
  }
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border app-summary-compact" data-nrm={n.id}>
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
      {n.notes && (
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{t('protect.nrm.notes')}</dt>
          <dd className="govuk-summary-list__value app-preserve-lines">{n.notes}</dd>
        </div>
      )}
    </dl>
  );
}

interface NrmFormState {
  route: string;
  child: string;
  consent: string;
  referredOn: DateParts;
  firstResponder: string;
  exploitationTypes: string[];
  homeOfficeReference: string;
  rgDecision: string;
  rgDecidedOn: DateParts;
  cgDecision: string;
  cgDecidedOn: DateParts;
  supportStatus: string;
  notes: string;
}

function initial(c: CaseView, record: NrmView | undefined, prefill: ProtectPrefill | undefined): NrmFormState {
  if (record)
    return {
      route: record.route,
      child: record.child ? 'yes' : 'no',
      consent: record.consent,
      referredOn: dateParts(record.referredOn),
      firstResponder: record.firstResponder,
      exploitationTypes: record.exploitationTypes,
      homeOfficeReference: record.homeOfficeReference ?? '',
      rgDecision: record.rgDecision ?? '',
      rgDecidedOn: record.rgDecidedOn ? dateParts(record.rgDecidedOn) : NO_DATE,
      cgDecision: record.cgDecision ?? '',
      cgDecidedOn: record.cgDecidedOn ? dateParts(record.cgDecidedOn) : NO_DATE,
      supportStatus: record.supportStatus,
      notes: record.notes,
    };
  return {
    route: prefill?.route ?? '',
    child: prefill?.child === true ? 'yes' : prefill?.child === false ? 'no' : '',
    consent: prefill?.consent ?? '',
    referredOn: dateParts(todayInUk()),
    firstResponder: c.records.firstResponder,
    exploitationTypes: prefill?.exploitationTypes ?? [],
    homeOfficeReference: '',
    rgDecision: '',
    rgDecidedOn: NO_DATE,
    cgDecision: '',
    cgDecidedOn: NO_DATE,
    supportStatus: 'not_yet',
    notes: '',
  };
}

function NrmForm({
  c,
  entityId,
  prefix,
  record,
  prefill,
}: {
  c: CaseView;
  entityId: string;
  prefix: string;
  record: NrmView | undefined;
  prefill: ProtectPrefill | undefined;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<NrmFormState>(() => initial(c, record, prefill));
  const [open, setOpen] = useState(false);
  const { change, problems, setProblems } = useCaseChange(c.id, prefix, () => setOpen(false));
  const set = <K extends keyof NrmFormState>(key: K, value: NrmFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const id = (field: string) => `${prefix}-${field}`;
  const error = (field: string) => fieldError(problems, id(field));
  // A decision's date counts only while the decision is given (its boxes are hidden otherwise).
  const rgGiven = form.route === 'nrm' && form.rgDecision !== '';
  const cgGiven = rgGiven && form.rgDecision === 'positive' && form.cgDecision !== '';
  const dates = {
    referredOn: isoDate(form.referredOn),
    rgDecidedOn: rgGiven ? isoDate(form.rgDecidedOn) : '',
    cgDecidedOn: cgGiven ? isoDate(form.cgDecidedOn) : '',
  };

  const submit = () => {
    const bad = (Object.keys(dates) as (keyof typeof dates)[]).find((k) => dates[k] === null || (k === 'referredOn' && !dates[k]));
    if (bad) return setProblems([{ field: id(bad), message: t('tasks.badDate') }]);
    if (!form.child) return setProblems([{ field: id('child'), message: t('protect.nrm.chooseAge') }]);
    if (!form.route) return setProblems([{ field: id('route'), message: t('protect.nrm.chooseRoute') }]);
    if (!form.consent) return setProblems([{ field: id('consent'), message: t('protect.nrm.chooseConsent') }]);
    const body: Omit<NrmRequest, 'entityId'> = {
      route: form.route as NrmRequest['route'],
      child: form.child === 'yes',
      consent: form.consent as NrmRequest['consent'],
      referredOn: dates.referredOn!,
      firstResponder: form.firstResponder,
      exploitationTypes: form.exploitationTypes as NrmRequest['exploitationTypes'],
      homeOfficeReference: form.homeOfficeReference || null,
      rgDecision: (rgGiven ? form.rgDecision : null) as NrmRequest['rgDecision'],
      rgDecidedOn: dates.rgDecidedOn || null,
      cgDecision: (cgGiven ? form.cgDecision : null) as NrmRequest['cgDecision'],
      cgDecidedOn: dates.cgDecidedOn || null,
      supportStatus: form.supportStatus as NrmRequest['supportStatus'],
      notes: form.notes,
    };
    change.mutate(record ? { method: 'PUT', path: `/nrm/${record.id}`, body } : { method: 'POST', path: '/nrm', body: { ...body, entityId } });
  };

  const decisions: [string, string][] = [['', t('protect.nrm.noDecision')], ...NRM_DECISIONS.map((d): [string, string] => [d, t(`protect.nrm.decision.${d}`)])];
  return (
    <DisclosedForm
      summary={record ? t('protect.nrm.update') : t('protect.nrm.record')}
      open={open}
      onOpen={setOpen}
      problems={problems}
      onSubmit={submit}
      submitLabel={t('protect.nrm.save')}
      busy={change.isPending}
    >
      <RadiosField
        name={id('child')}
        legend={t('protect.nrm.ageQuestion')}
        hint={t('protect.nrm.ageHint')}
        value={form.child}
        onChange={(v) =>
          setForm((f) => ({
            ...f,
            child: v,
            ...(v === 'yes' ? { consent: 'not_needed', route: 'nrm' } : f.consent === 'not_needed' ? { consent: '' } : {}),
          }))
        }
        options={[
          ['yes', t('protect.nrm.child')],
          ['no', t('protect.nrm.adult')],
        ]}
        inline
        error={error('child')}
      />
      <RadiosField
        name={id('consent')}
        legend={t('protect.nrm.consentQuestion')}
        value={form.consent}
        onChange={(v) => setForm((f) => ({ ...f, consent: v, ...(v === 'given' ? { route: 'nrm' } : v === 'refused' ? { route: 'dtn' } : {}) }))}
        options={(form.child === 'yes' ? (['not_needed'] as const) : (['given', 'refused'] as const)).map((v) => [v, t(`protect.nrm.consent.${v}`)])}
        error={error('consent')}
      />
      <RadiosField
        name={id('route')}
        legend={t('protect.nrm.route')}
        value={form.route}
        onChange={(v) => set('route', v)}
        options={[
          ['nrm', t('protect.nrm.routes.nrm')],
          ['dtn', t('protect.nrm.routes.dtn')],
        ]}
        error={error('route')}
      />
      <DateField
        id={id('referredOn')}
        legend={t('protect.nrm.referredOnLabel')}
        value={form.referredOn}
        onChange={(v) => set('referredOn', v)}
        error={error('referredOn')}
      />
      <TextField
        id={id('firstResponder')}
        label={t('protect.nrm.firstResponder')}
        value={form.firstResponder}
        onChange={(e) => set('firstResponder', e.target.value)}
        error={error('firstResponder')}
      />
      <CheckboxesField
        name={id('exploitationTypes')}
        legend={t('protect.nrm.types')}
        values={form.exploitationTypes}
        onChange={(v) => set('exploitationTypes', v)}
        options={EXPLOITATION_TYPES.map((x) => [x, t(`referral.types.${x}`)])}
      />
      <TextField
        id={id('homeOfficeReference')}
        label={t('protect.nrm.homeOfficeReference')}
        value={form.homeOfficeReference}
        onChange={(e) => set('homeOfficeReference', e.target.value)}
        error={error('homeOfficeReference')}
      />
      {form.route === 'nrm' && (
        <>
          <RadiosField
            name={id('rgDecision')}
            legend={t('protect.nrm.rg')}
            value={form.rgDecision}
            onChange={(v) => set('rgDecision', v)}
            options={decisions}
            inline
            error={error('rgDecision')}
          />
          {form.rgDecision && (
            <DateField
              id={id('rgDecidedOn')}
              legend={t('protect.nrm.rgDate')}
              value={form.rgDecidedOn}
              onChange={(v) => set('rgDecidedOn', v)}
              error={error('rgDecidedOn')}
            />
          )}
          {form.rgDecision === 'positive' && (
            <>
              <RadiosField
                name={id('cgDecision')}
                legend={t('protect.nrm.cg')}
                hint={t('protect.nrm.cgHint')}
                value={form.cgDecision}
                onChange={(v) => set('cgDecision', v)}
                options={decisions}
                inline
                error={error('cgDecision')}
              />
              {form.cgDecision && (
                <DateField
                  id={id('cgDecidedOn')}
                  legend={t('protect.nrm.cgDate')}
                  value={form.cgDecidedOn}
                  onChange={(v) => set('cgDecidedOn', v)}
                  error={error('cgDecidedOn')}
                />
              )}
            </>
          )}
          <SelectField
            id={id('supportStatus')}
            label={t('protect.nrm.support')}
            value={form.supportStatus}
            onChange={(v) => set('supportStatus', v)}
            options={SUPPORT_STATUSES.map((s) => ({ value: s, label: t(`protect.support.${s}`) }))}
          />
        </>
      )}
      <TextAreaField
        id={id('notes')}
        label={t('protect.nrm.notes')}
        value={form.notes}
        onChange={(v) => set('notes', v)}
        rows={2}
        limit={5000}
        error={error('notes')}
      />
    </DisclosedForm>
  );
}
