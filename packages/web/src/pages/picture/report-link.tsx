import { Link } from 'react-router';
import { hasPermission, useSession } from '../../session/session';

/** A report's reference, linked to the report for those who may read it, plain for others. */
export function ReportLink({ id, reference }: { id: string; reference: string }) {
  const { data: session } = useSession();
  if (!hasPermission(session, 'reports:read')) return <>{reference}</>;
  return (
    <Link className="govuk-link" to={`/reports/${id}`}>
      {reference}
    </Link>
  );
}
