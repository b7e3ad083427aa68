import { Children, Fragment, type ReactNode } from 'react';

/**
 * A phone number as its own left-to-right run that never breaks across lines, and a link to call
 * it. In right-to-left text (Arabic) the digit groups of an unisolated "0800 555 111" are laid out
 * as "111 555 0800": a frightened reader would ring the wrong number.
 */
export function PhoneNumber({ children }: { children?: ReactNode }) {
  const number = Children.toArray(children)
    .filter((c) => typeof c === 'string' || typeof c === 'number')
    .join('');
  return (
    <a className="govuk-link app-phone" href={`tel:${number.replace(/[^\d+]/g, '')}`}>
      <bdi dir="ltr">{number}</bdi>
    </a>
  );
}

/** The translations' markup for a phone number, for `<Trans components={PHONE_MARKUP}>`. */
export const PHONE_MARKUP = { tel: <PhoneNumber /> };

/**
 * Text that may hold phone numbers marked as `<tel>…</tel>` (an error message, say), with each
 * number shown as `PhoneNumber` and the rest as plain text.
 */
export function TextWithPhones({ text }: { text: string }) {
  const parts = text.split(/<tel>(.*?)<\/tel>/g);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>{i % 2 === 1 ? <PhoneNumber>{part}</PhoneNumber> : part}</Fragment>
      ))}
    </>
  );
}
