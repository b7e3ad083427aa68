import type { CaseStatus } from '@harbour/contract';
import { useTranslation } from 'react-i18next';

const COLOUR: Record<CaseStatus, string> = {
  new: 'govuk-tag--blue',
  investigating: 'govuk-tag--light-blue',
  charged: 'govuk-tag--green',
  no_further_action: 'govuk-tag--grey',
  referred: 'govuk-tag--purple',
  closed: 'govuk-tag--grey',
};

/** A case's status as a GOV.UK tag, in the reader's language. */
export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <strong className={`govuk-tag ${COLOUR[status]}`} data-status={status}>
      {t(`pursue.status.${status}`)}
    </strong>
  );
}
