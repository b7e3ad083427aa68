import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEntityRole, CaseView, SearchResults, TaskOwners } from '@harbour/contract';
import { CASE_ENTITY_ROLES } from '@harbour/contract/vocabulary';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/form/error-summary';
import { SelectField, TextField } from '../../components/form/fields';
import { useCaseChange } from './case-change';

/** Takes one person or thing off the case, in the part it was linked in. */
export function UnlinkEntity({ c, entityId, role, label }: { c: CaseView; entityId: string; role: CaseEntityRole; label: string }) {
  const { t } = useTranslation();
  const { change } = useCaseChange(c.id, 'unlink');
  return (
    <button
      type="button"
      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2"
      disabled={change.isPending}
      onClick={() => change.mutate({ method: 'DELETE', path: `/entities/${entityId}/${role}` })}
    >
      {t('pursue.links.unlink')}
      <span className="govuk-visually-hidden"> {t('pursue.links.unlinkWhom', { name: label, role: t(`pursue.roleOne.${role}`) })}</span>
    </button>
  );
}

/**
 * Brings people, things and reports of the picture into the case — found as the search page
 * finds them, each person in the part chosen — and changes the officer in charge.
 */
export function CaseLinks({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');
  const [roles, setRoles] = useState<Record<string, CaseEntityRole>>({});
  const found = useQuery({
    queryKey: ['search', asked],
    queryFn: () => api<SearchResults>('GET', `/api/search?q=${encodeURIComponent(asked)}`),
    enabled: asked.length > 0,
  });
  const { change, problems } = useCaseChange(c.id, 'links');
  const linked = new Set(c.entities.map((e) => `${e.entityId}/${e.role}`));
  const reportsLinked = new Set(c.reportsLinked.map((r) => r.id));
  return (
    <section aria-labelledby="case-links">
      <h2 className="govuk-heading-m" id="case-links">
        {t('pursue.links.title')}
      </h2>
      <ErrorSummary problems={problems} />
      <form
        role="search"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(q.trim());
        }}
      >
        <TextField id="link-search" label={t('pursue.links.search')} hint={t('pursue.links.searchHint')} value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t('pursue.links.find')}
        </button>
      </form>
      {found.data && (
        <div id="link-results">
          {found.data.groups.every((g) => g.items.length === 0) && found.data.reports.length === 0 && (
            <p className="govuk-body">{t('pursue.links.nothing', { q: asked })}</p>
          )}
          <ul className="govuk-list">
            {found.data.groups.flatMap((g) =>
              g.items.map((item) => {
                const role: CaseEntityRole = g.kind === 'person' ? (roles[item.id] ?? 'suspect') : 'associated';
                return (
                  <li key={item.id} className="govuk-!-margin-bottom-3" data-found={item.id}>
                    <strong>{item.label}</strong> <span className="govuk-body-s">({t(`picture.kind.${g.kind}`)})</span>
                    {g.kind === 'person' && (
                      <SelectField
                        id={`role-${item.id}`}
                        label={t('pursue.links.asRole', { name: item.label })}
                        value={role}
                        onChange={(v) => setRoles({ ...roles, [item.id]: v as CaseEntityRole })}
                        options={CASE_ENTITY_ROLES.map((r) => ({ value: r, label: t(`pursue.roleOne.${r}`) }))}
                      />
                    )}
                    {linked.has(`${item.id}/${role}`) ? (
                      <p className="govuk-body-s">{t('pursue.links.already')}</p>
                    ) : (
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        disabled={change.isPending}
                        onClick={() => change.mutate({ method: 'POST', path: '/entities', body: { entityId: item.id, role } })}
                      >
                        {t('pursue.links.link')}
                        <span className="govuk-visually-hidden"> {item.label}</span>
                      </button>
                    )}
                  </li>
                );
              }),
            )}
            {found.data.reports.map((r) => (
              <li key={r.id} className="govuk-!-margin-bottom-3">
                <strong>{r.reference}</strong> <span className="govuk-body-s">— {r.snippet}</span>
                {reportsLinked.has(r.id) ? (
                  <p className="govuk-body-s">{t('pursue.links.already')}</p>
                ) : (
                  <p>
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      disabled={change.isPending}
                      onClick={() => change.mutate({ method: 'POST', path: '/reports', body: { reportId: r.id } })}
                    >
                      {t('pursue.links.linkReport')}
                      <span className="govuk-visually-hidden"> {r.reference}</span>
                    </button>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <OfficerInCharge c={c} />
    </section>
  );
}

function OfficerInCharge({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const owners = useQuery({ queryKey: ['task-owners'], queryFn: () => api<TaskOwners>('GET', '/api/cases/task-owners') });
  const [officer, setOfficer] = useState(c.officerInChargeId ?? '');
  const { change, problems } = useCaseChange(c.id, 'officer');
  if (!owners.data) return null;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (officer && officer !== c.officerInChargeId) change.mutate({ method: 'PUT', path: '/officer', body: { userId: officer } });
      }}
    >
      <ErrorSummary problems={problems} />
      <SelectField
        id="officer-in-charge"
        label={t('pursue.links.officer')}
        value={officer}
        onChange={setOfficer}
        options={owners.data.users.map((u) => ({ value: u.id, label: u.name }))}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={change.isPending}>
        {t('pursue.links.changeOfficer')}
      </button>
    </form>
  );
}
