import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSERTED_RELATIONS, RECORD_KINDS, type AssertedRelation } from '@harbour/contract/vocabulary';
import type { LinkAsserted } from '@harbour/contract';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { RadiosField, SelectField, TextAreaField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { gradeChoice, type Grade } from '../../components/grade';
import type { ChartNode } from './chart-canvas';

/** The form's fields by the name the server gives a problem with each. */
const FIELD_IDS: Record<string, string> = {
  relation: 'assert-relation',
  to: 'assert-to',
  'newEntity.label': 'assert-new-label',
  grading: 'assert-grade-source',
  note: 'assert-note',
};
const NO_GRADE: Grade = { source: '', assessment: '', handling: '' };

interface Props {
  /** The entity the link runs from. */
  node: ChartNode;
  /** The chart's other entities, any of which the link may run to. */
  others: readonly ChartNode[];
  onAsserted: (made: LinkAsserted) => void;
}

/**
 * A link asserted by hand from the chosen entity, as an analyst records intelligence no report
 * holds: what it says (only what fits the two kinds), to an entity on the chart or one no report
 * names yet, graded 3x5x2, and what it rests on. It is drawn and told apart as an assertion.
 */
export function LinkAssertionForm({ node, others, onAsserted }: Props) {
  const { t } = useTranslation();
  const relations = (Object.keys(ASSERTED_RELATIONS) as AssertedRelation[]).filter((r) =>
    (ASSERTED_RELATIONS[r].from as readonly string[]).includes(node.kind),
  );
  const [relation, setRelation] = useState<AssertedRelation>(relations[0] ?? 'mentioned');
  const toKinds: readonly string[] = ASSERTED_RELATIONS[relation].to;
  const candidates = others.filter((o) => o.id !== node.id && toKinds.includes(o.kind));
  const [target, setTarget] = useState<'chart' | 'new'>(candidates.length > 0 ? 'chart' : 'new');
  const [to, setTo] = useState('');
  const [kind, setKind] = useState('');
  const [label, setLabel] = useState('');
  const [grade, setGrade] = useState<Grade>(NO_GRADE);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [busy, setBusy] = useState(false);

  const chosenTo = candidates.some((c) => c.id === to) ? to : (candidates[0]?.id ?? '');
  const newKind = toKinds.includes(kind) ? kind : toKinds[0]!;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const choice = gradeChoice(grade);
    if (choice.kind !== 'complete') {
      setProblems([{ field: FIELD_IDS['grading'], message: t('graph.assert.gradeNeeded') }]);
      return;
    }
    const body = {
      from: node.id,
      relation,
      grading: choice.code,
      note,
      ...(target === 'chart' ? { to: chosenTo } : { newEntity: { kind: newKind, label } }),
    };
    setBusy(true);
    try {
      const made = await api<LinkAsserted>('POST', '/api/graph/assertions', body);
      setProblems([]);
      setNote('');
      setLabel('');
      setGrade(NO_GRADE);
      onAsserted(made);
    } catch (error) {
      const found = problemsFrom(error, t, {
        to: t('graph.assert.toNeeded'),
        'newEntity.label': t('graph.assert.labelNeeded'),
        note: t('graph.assert.noteNeeded'),
      });
      setProblems(found.map((p) => (p.field ? { ...p, field: FIELD_IDS[p.field] ?? p.field } : p)));
    } finally {
      setBusy(false);
    }
  };

  const relationWords = (r: AssertedRelation) => (r === 'mentioned' ? t('graph.assert.linked') : t(`graph.relation.${r}`));
  const kindWords = (k: string) => t(`picture.kind.${k}`);
  return (
    <details className="govuk-details govuk-!-margin-bottom-2">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{t('graph.assert.open')}</span>
      </summary>
      <form className="govuk-details__text" onSubmit={(e) => void submit(e)} noValidate aria-label={t('graph.assert.formLabel', { label: node.label })}>
        <ErrorSummary problems={problems} />
        <p className="govuk-body-s">{t('graph.assert.intro', { label: node.label })}</p>
        <SelectField
          id="assert-relation"
          label={t('graph.assert.relation')}
          value={relation}
          onChange={(v) => setRelation(v as AssertedRelation)}
          options={relations.map((r) => ({ value: r, label: relationWords(r) }))}
          error={fieldError(problems, FIELD_IDS['relation']!)}
        />
        <RadiosField
          name="assert-target"
          legend={t('graph.assert.target')}
          value={target}
          onChange={(v) => setTarget(v as 'chart' | 'new')}
          options={[
            ['chart', t('graph.assert.onChart')],
            ['new', t('graph.assert.newEntity')],
          ]}
        />
        {target === 'chart' ? (
          <SelectField
            id="assert-to"
            label={t('graph.assert.to')}
            value={chosenTo}
            onChange={setTo}
            options={
              candidates.length > 0
                ? candidates.map((c) => ({ value: c.id, label: `${c.label} (${kindWords(c.kind)})` }))
                : [{ value: '', label: t('graph.assert.noneFits') }]
            }
            error={fieldError(problems, FIELD_IDS['to']!)}
          />
        ) : (
          <>
            <SelectField
              id="assert-new-kind"
              label={t('graph.assert.newKind')}
              value={newKind}
              onChange={setKind}
              options={RECORD_KINDS.filter((k) => toKinds.includes(k)).map((k) => ({ value: k, label: kindWords(k) }))}
            />
            <TextField
              id="assert-new-label"
              label={t('graph.assert.newLabel')}
              hint={t('graph.assert.newLabelHint')}
              value={label}
              limit={200}
              onChange={(e) => setLabel(e.target.value)}
              error={fieldError(problems, FIELD_IDS['newEntity.label']!)}
            />
          </>
        )}
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('graph.assert.grading')}</legend>
          <SelectField
            id="assert-grade-source"
            label={t('reportView.sourceEval')}
            value={grade.source}
            onChange={(v) => setGrade({ ...grade, source: v })}
            error={fieldError(problems, FIELD_IDS['grading']!)}
            options={[{ value: '', label: t('graph.assert.choose') }, ...['1', '2', '3'].map((v) => ({ value: v, label: t(`reportView.sourceOptions.${v}`) }))]}
          />
          <SelectField
            id="assert-grade-assessment"
            label={t('reportView.assessment')}
            value={grade.assessment}
            onChange={(v) => setGrade({ ...grade, assessment: v })}
            options={[
              { value: '', label: t('graph.assert.choose') },
              ...['A', 'B', 'C', 'D', 'E'].map((v) => ({ value: v, label: t(`reportView.assessmentOptions.${v}`) })),
            ]}
          />
          <SelectField
            id="assert-grade-handling"
            label={t('reportView.handling')}
            value={grade.handling}
            onChange={(v) => setGrade({ ...grade, handling: v })}
            options={[{ value: '', label: t('graph.assert.choose') }, ...['P', 'C'].map((v) => ({ value: v, label: t(`reportView.handlingOptions.${v}`) }))]}
          />
        </fieldset>
        <TextAreaField
          id="assert-note"
          label={t('graph.assert.note')}
          hint={t('graph.assert.noteHint')}
          rows={3}
          limit={1000}
          value={note}
          onChange={setNote}
          error={fieldError(problems, FIELD_IDS['note']!)}
        />
        <button type="submit" className="govuk-button govuk-!-margin-bottom-0" disabled={busy}>
          {t('graph.assert.submit')}
        </button>
      </form>
    </details>
  );
}
