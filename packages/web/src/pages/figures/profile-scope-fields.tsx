import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useForceAreas } from '../../api/force-areas';
import { SelectField } from '../../components/form/fields';
import { MonthRangeFields } from './filter-form';

export interface ProfileScope {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly area?: string | undefined;
  readonly audience?: string | undefined;
  readonly language?: string | undefined;
}

/**
 * What a problem profile covers and is for: its months, area, audience and language, as both the
 * generated profile and a written one are chosen. `after` ends the second row (a form's button).
 */
export function ProfileScopeFields({
  scope,
  onChange,
  after,
}: {
  scope: ProfileScope;
  onChange: (name: keyof ProfileScope) => (value: string) => void;
  after?: ReactNode;
}) {
  const { t } = useTranslation();
  const forceAreas = useForceAreas();
  return (
    <>
      <div className="govuk-grid-row">
        <MonthRangeFields from={scope.from ?? ''} to={scope.to ?? ''} onFrom={onChange('from')} onTo={onChange('to')} />
        <div className="govuk-grid-column-one-half">
          <SelectField
            id="area"
            label={t('figures.profile.area')}
            value={scope.area ?? ''}
            onChange={onChange('area')}
            options={[{ value: '', label: t('figures.profile.wholeForce') }, ...forceAreas.options]}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <SelectField
            id="audience"
            label={t('figures.profile.audience')}
            hint={t('figures.profile.audienceHint')}
            value={scope.audience ?? 'internal'}
            onChange={onChange('audience')}
            options={['internal', 'external'].map((a) => ({ value: a, label: t(`figures.profile.audiences.${a}`) }))}
          />
        </div>
        <div className="govuk-grid-column-one-quarter">
          <SelectField
            id="language"
            label={t('figures.profile.language')}
            value={scope.language ?? 'en'}
            onChange={onChange('language')}
            options={[
              { value: 'en', label: t('figures.profile.english') },
              { value: 'cy', label: t('figures.profile.welsh') },
            ]}
          />
        </div>
        {after && <div className="govuk-grid-column-one-quarter">{after}</div>}
      </div>
    </>
  );
}
