import { Fragment } from 'react';

/**
 * A code to copy down (a passphrase, an authenticator secret), in groups that a line may end
 * between but never inside: a passphrase broken mid-group on a phone is copied down wrongly.
 * The text read from the page is the code exactly as given.
 */
export function SecretText({ value }: { value: string }) {
  // A passphrase's groups are joined by hyphens (kept, with the line break after them); other
  // codes are cut into fours.
  const groups = value.includes('-') ? value.split(/(?<=-)/) : (value.match(/.{1,4}/g) ?? []);
  return (
    <>
      {groups.map((group, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          <span className="app-secret__group">{group}</span>
        </Fragment>
      ))}
    </>
  );
}
