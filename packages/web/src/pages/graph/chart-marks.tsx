import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartNode } from './chart-canvas';

/** What an analyst writes on an entity of the chart: a note beside it, the group it is drawn in. */
export type ChartMarks = Pick<ChartNode, 'note' | 'group'>;

/** Only the marks written, so a cleared note or group leaves nothing behind in what is saved. */
export function marksOf(n: ChartMarks): ChartMarks {
  return { ...(n.note ? { note: n.note } : {}), ...(n.group ? { group: n.group } : {}) };
}

/** The groups the chart's entities are drawn in, each name once. */
export function groupsOf(nodes: readonly ChartMarks[]): string[] {
  return [...new Set(nodes.flatMap((n) => (n.group ? [n.group] : [])))];
}

/** The names of the chart's groups, for choosing one again. */
export function GroupNames({ groups }: { groups: readonly string[] }) {
  return (
    <datalist id="chart-groups">
      {groups.map((g) => (
        <option key={g} value={g} />
      ))}
    </datalist>
  );
}

/** The note and group of the entity chosen on the chart (beside it, in its details). */
export function EntityMarksForm({ node, onChange }: { node: ChartNode; onChange: (marks: ChartMarks) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState(node.note ?? '');
  const [group, setGroup] = useState(node.group ?? '');
  const keep = (event: FormEvent) => {
    event.preventDefault();
    onChange({ note: note.trim(), group: group.trim() });
  };
  return (
    <form onSubmit={keep} noValidate>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="entity-note">
          {t('graph.marks.note')}
        </label>
        <div className="govuk-hint" id="entity-note-hint">
          {t('graph.marks.noteHint')}
        </div>
        <textarea
          className="govuk-textarea"
          id="entity-note"
          rows={3}
          maxLength={500}
          aria-describedby="entity-note-hint"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="entity-group">
          {t('graph.marks.group')}
        </label>
        <div className="govuk-hint" id="entity-group-hint">
          {t('graph.marks.groupHint')}
        </div>
        <input
          className="govuk-input"
          id="entity-group"
          list="chart-groups"
          maxLength={80}
          aria-describedby="entity-group-hint"
          value={group}
          onChange={(e) => setGroup(e.target.value)}
        />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary">
        {t('graph.marks.keep')}
      </button>
    </form>
  );
}

/** Several entities chosen: put them in one group, or take them out of theirs. */
export function GroupChosenForm({ count, onGroup }: { count: number; onGroup: (group: string) => void }) {
  const { t } = useTranslation();
  const [group, setGroup] = useState('');
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (group.trim()) onGroup(group.trim());
      }}
    >
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="chosen-group">
          {t('graph.marks.groupChosen', { count })}
        </label>
        <input className="govuk-input" id="chosen-group" list="chart-groups" maxLength={80} value={group} onChange={(e) => setGroup(e.target.value)} />
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t('graph.marks.groupThem')}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onGroup('')}>
          {t('graph.marks.ungroup')}
        </button>
      </div>
    </form>
  );
}
