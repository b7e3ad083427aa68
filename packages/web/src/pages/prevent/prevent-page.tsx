import { AWARENESS_SETTINGS, MATERIAL_SIZES } from '@harbour/contract/vocabulary';
import type { Campaign, CampaignList, Material, MaterialList, MaterialRequest } from '@harbour/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { SelectField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { SuccessBanner } from '../../components/success-banner';
import { TableScroll } from '../../components/table-scroll';
import { dateLocale } from '../../i18n/locale';
import { REPORT_LANGUAGES } from '../report/report-languages';

export function useCampaigns() {
  return useQuery({ queryKey: ['prevent-campaigns'], queryFn: () => api<CampaignList>('GET', '/api/prevent/campaigns'), retry: false });
}

/**
 * Awareness work: the team's campaigns, a poster or leaflet made for one (a setting's signs, the
 * helplines and a QR code to the reporting form, in any of its languages), and the library of
 * everything made, each to download and print.
 */
export function PreventPage() {
  const { t } = useTranslation();
  usePageTitle(t('prevent.title'));
  const campaigns = useCampaigns();
  const materials = useQuery({ queryKey: ['prevent-materials'], queryFn: () => api<MaterialList>('GET', '/api/prevent/materials'), retry: false });
  return (
    <>
      <h1 className="govuk-heading-l">{t('prevent.title')}</h1>
      <p className="govuk-body">{t('prevent.lead')}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/prevent/events">
          {t('prevent.eventsLink')}
        </Link>
      </p>
      {(campaigns.error ?? materials.error) && <ErrorSummary problems={problemsFrom(campaigns.error ?? materials.error, t)} />}
      <CampaignsSection campaigns={campaigns.data?.campaigns} />
      {campaigns.data && materials.data && <MakeSection campaigns={campaigns.data.campaigns} portal={materials.data.portal} />}
      {materials.data && <LibrarySection materials={materials.data.materials} />}
      {materials.data?.portal && <SelfCheckSection portal={materials.data.portal} />}
    </>
  );
}

function CampaignsSection({ campaigns }: { campaigns: readonly Campaign[] | undefined }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [started, setStarted] = useState<Campaign | null>(null);
  const number = new Intl.NumberFormat(dateLocale(i18n.language));
  const start = useMutation({
    mutationFn: () => api<Campaign>('POST', '/api/prevent/campaigns', { name }),
    onSuccess: (campaign) => {
      setStarted(campaign);
      setName('');
      setProblems([]);
      void client.invalidateQueries({ queryKey: ['prevent-campaigns'] });
    },
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStarted(null);
    start.mutate();
  };
  return (
    <section className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="campaigns-title">
        {t('prevent.campaigns.title')}
      </h2>
      {started && <SuccessBanner message={t('prevent.campaigns.started', { name: started.name, code: started.code })} />}
      {campaigns && campaigns.length === 0 && <p className="govuk-body">{t('prevent.campaigns.none')}</p>}
      {campaigns && campaigns.length > 0 && (
        <TableScroll label={t('prevent.campaigns.title')}>
          <table className="govuk-table app-table--small" id="campaigns">
            <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">{t('prevent.campaigns.title')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t('prevent.campaigns.name')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('prevent.campaigns.code')}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {t('prevent.campaigns.materials')}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {t('prevent.campaigns.events')}
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {t('prevent.campaigns.reports')}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {campaigns.map((c) => (
                <tr className="govuk-table__row" key={c.code} data-campaign={c.code}>
                  <th scope="row" className="govuk-table__header">
                    {c.name}
                  </th>
                  <td className="govuk-table__cell">
                    <code>{c.code}</code>
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{number.format(c.materials)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{number.format(c.events)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{number.format(c.reports)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <form onSubmit={submit} noValidate>
        <ErrorSummary problems={problems} level={3} />
        <TextField
          id="name"
          label={t('prevent.campaigns.name')}
          hint={t('prevent.campaigns.nameHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(problems, 'name')}
          limit={120}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={start.isPending}>
          {t('prevent.campaigns.start')}
        </button>
      </form>
    </section>
  );
}

function MakeSection({ campaigns, portal }: { campaigns: readonly Campaign[]; portal: string | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [choice, setChoice] = useState<Omit<MaterialRequest, 'campaign'> & { campaign: string }>({
    campaign: '',
    setting: 'anywhere',
    language: 'en',
    size: 'A4',
  });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [made, setMade] = useState<Material | null>(null);
  const campaign = choice.campaign || campaigns[0]?.code || '';
  const make = useMutation({
    mutationFn: () => api<Material>('POST', '/api/prevent/materials', { ...choice, campaign }),
    onSuccess: (material) => {
      setMade(material);
      setProblems([]);
      void client.invalidateQueries({ queryKey: ['prevent-materials'] });
      void client.invalidateQueries({ queryKey: ['prevent-campaigns'] });
    },
    onError: (error) => setProblems(problemsFrom(error, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMade(null);
    make.mutate();
  };
  return (
    <section className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="make-title">
        {t('prevent.make.title')}
      </h2>
      {!portal && <p className="govuk-body">{t('prevent.make.noPortal')}</p>}
      {portal && campaigns.length === 0 && <p className="govuk-body">{t('prevent.make.noCampaign')}</p>}
      {portal && campaigns.length > 0 && (
        <form onSubmit={submit} noValidate>
          {made && <SuccessBanner message={t('prevent.make.made', { what: describe(made, t) })} />}
          <ErrorSummary problems={problems} level={3} />
          <p className="govuk-body-s">{t('prevent.make.portal', { portal })}</p>
          <SelectField
            id="campaign"
            label={t('prevent.make.campaign')}
            value={campaign}
            onChange={(value) => setChoice({ ...choice, campaign: value })}
            options={campaigns.map((c) => ({ value: c.code, label: c.name }))}
            error={fieldError(problems, 'campaign')}
          />
          <SelectField
            id="setting"
            label={t('prevent.make.setting')}
            hint={t('prevent.make.settingHint')}
            value={choice.setting}
            onChange={(value) => setChoice({ ...choice, setting: value as MaterialRequest['setting'] })}
            options={AWARENESS_SETTINGS.map((s) => ({ value: s, label: t(`prevent.setting.${s}`) }))}
          />
          <SelectField
            id="language"
            label={t('prevent.make.language')}
            value={choice.language}
            onChange={(value) => setChoice({ ...choice, language: value as MaterialRequest['language'] })}
            options={REPORT_LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
          />
          <SelectField
            id="size"
            label={t('prevent.make.size')}
            value={choice.size}
            onChange={(value) => setChoice({ ...choice, size: value as MaterialRequest['size'] })}
            options={MATERIAL_SIZES.map((s) => ({ value: s, label: t(`prevent.make.sizes.${s}`) }))}
          />
          <button type="submit" className="govuk-button" disabled={make.isPending}>
            {t('prevent.make.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

/** "Leaflet (A5), Hand car wash, Cymraeg": what a poster or leaflet is, as the library lists it. */
function describe(material: Material, t: (key: string) => string): string {
  const language = REPORT_LANGUAGES.find((l) => l.code === material.language)?.name ?? material.language;
  return `${t(`prevent.make.sizes.${material.size}`)}, ${t(`prevent.setting.${material.setting}`)}, ${language}`;
}

function LibrarySection({ materials }: { materials: readonly Material[] }) {
  const { t, i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium' });
  return (
    <section>
      <h2 className="govuk-heading-m" id="library-title">
        {t('prevent.library.title')}
      </h2>
      {materials.length === 0 ? (
        <p className="govuk-body">{t('prevent.library.none')}</p>
      ) : (
        <TableScroll label={t('prevent.library.title')}>
          <table className="govuk-table app-table--small" id="library">
            <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">{t('prevent.library.title')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t('prevent.library.what')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('prevent.make.campaign')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('prevent.library.made')}
                </th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">{t('prevent.library.download')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {materials.map((m) => (
                <tr className="govuk-table__row" key={m.id}>
                  <th scope="row" className="govuk-table__header">
                    {describe(m, t)}
                  </th>
                  <td className="govuk-table__cell">{m.campaignName}</td>
                  <td className="govuk-table__cell">{day.format(new Date(m.madeAt))}</td>
                  <td className="govuk-table__cell">
                    <a
                      className="govuk-link"
                      href={`/api/prevent/materials/${m.id}`}
                      download
                      aria-label={t('prevent.library.downloadLabel', { what: describe(m, t) })}
                    >
                      {t('prevent.library.download')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** The public self-check page of each place, its address to print on what businesses are given. */
function SelfCheckSection({ portal }: { portal: string }) {
  const { t } = useTranslation();
  return (
    <section className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m">{t('prevent.selfCheck.title')}</h2>
      <p className="govuk-body">{t('prevent.selfCheck.lead')}</p>
      <ul className="govuk-list" id="self-checks">
        {AWARENESS_SETTINGS.map((setting) => {
          const address = `${portal}/check/${setting.replace(/_/g, '-')}`;
          return (
            <li key={setting}>
              {t(`prevent.setting.${setting}`)}:{' '}
              <a className="govuk-link app-break-anywhere" href={address}>
                {address}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
