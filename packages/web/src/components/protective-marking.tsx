import type { ProtectiveMarking } from '@harbour/contract';
import { useTranslation } from 'react-i18next';

/**
 * A page's protective marking, at its head and foot as on paper. The marking itself stays in
 * English in either language: it is the descriptor the force's handling rules name.
 */
export function Marking({ marking }: { marking: ProtectiveMarking }) {
  const { t } = useTranslation();
  return (
    <p className="app-marking" data-marking={marking}>
      <span className="govuk-visually-hidden">{t('common.marking')} </span>
      <span lang="en">{marking}</span>
    </p>
  );
}
