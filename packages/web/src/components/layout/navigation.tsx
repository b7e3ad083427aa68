import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { hasPermission, useSession } from '../../session/session';

/** Each item shows only to roles whose permissions allow the page behind it. */
export const NAV_ITEMS = [
  { to: '/home', key: 'nav.home', permission: 'self' },
  { to: '/triage', key: 'nav.triage', permission: 'reports:triage' },
  { to: '/cases', key: 'nav.cases', permission: 'cases:read' },
  { to: '/shared', key: 'nav.shared', permission: 'cases:shared' },
  { to: '/tasks', key: 'nav.tasks', permission: 'tasks:work' },
  { to: '/search', key: 'nav.search', permission: 'picture:search' },
  { to: '/networks', key: 'nav.networks', permission: 'picture:search' },
  { to: '/figures', key: 'nav.figures', permission: 'reports:overview' },
  { to: '/review', key: 'nav.review', permission: 'picture:resolve' },
  { to: '/picture/settings', key: 'nav.matching', permission: 'picture:configure' },
  { to: '/referral', key: 'nav.referral', permission: 'referrals:create' },
  { to: '/imports', key: 'nav.imports', permission: 'imports:run' },
  { to: '/training', key: 'nav.training', permission: 'training:take' },
  { to: '/prevent', key: 'nav.prevent', permission: 'prevent:record' },
  { to: '/admin/accounts', key: 'nav.users', permission: 'users:read' },
  { to: '/admin/agencies', key: 'nav.agencies', permission: 'agencies:read' },
  { to: '/admin/audit', key: 'nav.audit', permission: 'audit:read' },
  { to: '/admin/agreements', key: 'nav.agreements', permission: 'sharing:manage' },
  { to: '/admin/jobs', key: 'nav.jobs', permission: 'jobs:read' },
  { to: '/records/review', key: 'nav.retention', permission: 'records:review' },
  { to: '/agency/activity', key: 'nav.agencyActivity', permission: 'audit:agency' },
  { to: '/account', key: 'nav.account', permission: 'self' },
] as const;

export function Navigation() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  if (!session || session.stage !== 'complete') return null;
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <div className="govuk-width-container">
        <ul className="app-nav__list">
          {NAV_ITEMS.filter((item) => hasPermission(session, item.permission)).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} className="app-nav__link" end>
                {t(item.key)}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
