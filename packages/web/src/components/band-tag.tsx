import { useTranslation } from 'react-i18next';

const BAND_TAG: Record<string, string> = { critical: 'govuk-tag--red', high: 'govuk-tag--orange', medium: 'govuk-tag--yellow', low: 'govuk-tag--grey' };

/** A report's triage band as a coloured tag, with its score where there is one. */
export function BandTag({ band, score }: { band: string | null; score?: number | null }) {
  const { t } = useTranslation();
  if (!band) return null;
  return <strong className={`govuk-tag ${BAND_TAG[band] ?? ''}`}>{`${t(`referral.bands.${band}`)} ${score ?? ''}`.trim()}</strong>;
}
