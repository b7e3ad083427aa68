/** A two-column table of labelled counts, with its caption and column headings. */
export function CountTable({
  caption,
  labelHeading,
  countHeading,
  rows,
  format,
}: {
  caption: string;
  labelHeading: string;
  countHeading: string;
  rows: { key: string; label: string; count: number }[];
  format: (n: number) => string;
}) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            {labelHeading}
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            {countHeading}
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <tr className="govuk-table__row" key={r.key}>
            <th scope="row" className="govuk-table__header">
              {r.label}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{format(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
