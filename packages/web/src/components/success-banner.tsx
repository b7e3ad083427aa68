/** GOV.UK success notification, announced to screen readers. */
export function SuccessBanner({ message }: { message: string }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}
