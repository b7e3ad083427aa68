import type { Bilingual } from '@harbour/contract';
import { useTranslation } from 'react-i18next';
import type { FormProblem } from '../../components/form/error-summary';
import { TextAreaField, TextField } from '../../components/form/fields';
import { fieldError } from '../../components/form/problems';
import { MarkdownText } from '../../components/markdown';
import { AddPicture } from './add-picture';

/**
 * One text of a course in both languages, side by side on a desk and one above the other on a
 * phone. `path` is where the server names it (content.modules.0.body), and so each box's id: an
 * error in the summary links straight to the box. Markdown texts show a preview of each language.
 */
export function BilingualField({
  path,
  label,
  hint,
  value,
  onChange,
  problems,
  limit,
  rows,
  markdown = false,
}: {
  path: string;
  label: string;
  hint?: string;
  value: Bilingual;
  onChange: (value: Bilingual) => void;
  problems: FormProblem[];
  limit: number;
  /** Given, the texts are written in boxes of this many lines. */
  rows?: number;
  markdown?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      {(['en', 'cy'] as const).map((language) => {
        const id = `${path}.${language}`;
        const props = {
          id,
          label: t(`training.authoring.inLanguage.${language}`, { label }),
          ...(hint ? { hint } : {}),
          error: fieldError(problems, id),
          limit,
          lang: language,
        };
        return (
          <div className="govuk-grid-column-one-half" key={language}>
            {rows ? (
              <TextAreaField {...props} rows={rows} value={value[language]} onChange={(text) => onChange({ ...value, [language]: text })} />
            ) : (
              <TextField {...props} value={value[language]} onChange={(e) => onChange({ ...value, [language]: e.target.value })} />
            )}
            {markdown && rows && (
              <AddPicture id={id} onAdded={(picture) => onChange({ ...value, [language]: `${value[language].trimEnd()}\n\n${picture}\n` })} />
            )}
            {markdown && (
              <details className="govuk-details">
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">{t(`training.authoring.preview.${language}`)}</span>
                </summary>
                <div className="govuk-details__text" data-testid={`preview-${id}`}>
                  <MarkdownText text={value[language]} />
                </div>
              </details>
            )}
          </div>
        );
      })}
    </div>
  );
}
