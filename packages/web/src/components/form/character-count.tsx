import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The GOV.UK character count, for any text box: the limit said up front, then a live count of
 * what is left or how far over. Counted as the server counts (UTF-16 code units), so "0 left" is
 * never refused. No `maxlength`: people may paste too much and cut it down.
 */
export function CharacterCount({ id, value, limit }: { id: string; value: string; limit: number }) {
  const { t } = useTranslation();
  const left = limit - value.length;
  const message = left < 0 ? t('characterCount.over', { count: -left }) : t('characterCount.left', { count: left });
  // Screen readers hear the count once typing pauses, not at every key.
  const [spoken, setSpoken] = useState(message);
  useEffect(() => {
    const timer = window.setTimeout(() => setSpoken(message), 1000);
    return () => window.clearTimeout(timer);
  }, [message]);
  return (
    <>
      <div id={countId(id)} className="govuk-hint govuk-character-count__message govuk-visually-hidden">
        {t('characterCount.limit', { count: limit })}
      </div>
      <div className={`govuk-character-count__message govuk-character-count__status ${left < 0 ? 'govuk-error-message' : 'govuk-hint'}`} aria-hidden="true">
        {message}
      </div>
      <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
        {spoken}
      </div>
    </>
  );
}

/** The id of the element that tells a text box's limit, for its `aria-describedby`. */
export function countId(id: string): string {
  return `${id}-info`;
}
