import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { AREAS } from '../../areas';
import { ErrorSummary, type FormProblem } from '../../components/form/error-summary';
import { RadiosField, SelectField, TextField } from '../../components/form/fields';
import { fieldError, problemsFrom } from '../../components/form/problems';
import { usePageTitle } from '../../components/page-title';
import { Guidance, type Triage } from '../../components/guidance';

interface Indicator {
  id: string;
  group: 'physical' | 'psychological' | 'situational' | 'environmental';
  label: { en: string; cy: string };
}

const GROUPS = ['physical', 'psychological', 'situational', 'environmental'] as const;
const TYPES = ['sexual', 'labour', 'criminal', 'domestic_servitude', 'organ_harvesting', 'unknown'] as const;

interface Form {
  givenName: string;
  familyName: string;
  age: string;
  child: 'yes' | 'no' | 'unknown';
  gender: string;
  nationality: string;
  language: string;
  interpreterNeeded: boolean;
  consentToNrm: 'yes' | 'no' | 'unknown';
  riskToLife: boolean;
  indicators: string[];
  exploitationTypes: string[];
  localAuthority: string;
  town: string;
  postcode: string;
  placeDescription: string;
  summary: string;
  suspect: string;
  phone: string;
  vehicle: string;
  address: string;
}

const EMPTY: Form = {
  givenName: '',
  familyName: '',
  age: '',
  child: 'unknown',
  gender: '',
  nationality: '',
  language: '',
  interpreterNeeded: false,
  consentToNrm: 'unknown',
  riskToLife: false,
  indicators: [],
  exploitationTypes: [],
  localAuthority: '',
  town: '',
  postcode: '',
  placeDescription: '',
  summary: '',
  suspect: '',
  phone: '',
  vehicle: '',
  address: '',
};

function toRequest(f: Form) {
  const age = /^\d{1,3}$/.test(f.age.trim()) ? Number(f.age.trim()) : undefined;
  return {
    indicators: f.indicators,
    exploitationTypes: f.exploitationTypes,
    victim: {
      givenName: f.givenName,
      familyName: f.familyName,
      ageYears: age,
      child: f.child,
      gender: f.gender || undefined,
      nationality: f.nationality,
      language: f.language,
      interpreterNeeded: f.interpreterNeeded,
    },
    consentToNrm: f.consentToNrm,
    riskToLife: f.riskToLife,
    location: { localAuthority: f.localAuthority || undefined, town: f.town, postcode: f.postcode, description: f.placeDescription },
    summary: f.summary,
    otherPeople: f.suspect.trim() ? [{ role: 'suspect', givenName: f.suspect }] : [],
    phones: f.phone.trim() ? [f.phone] : [],
    vehicles: f.vehicle.trim() ? [{ registration: f.vehicle }] : [],
    addresses: f.address.trim() ? [{ address: f.address }] : [],
  };
}

/** The officer's and partner's referral: checklist, victim, consent; guidance updates as they go. */
export function ReferralPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('referral.title'));
  const catalogue = useQuery({ queryKey: ['catalogue'], queryFn: () => api<{ version: string; indicators: Indicator[] }>('GET', '/api/referrals/catalogue') });
  const [form, setForm] = useState<Form>(EMPTY);
  const [draftId, setDraftId] = useState<string>(() => crypto.randomUUID());
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [triage, setTriage] = useState<Triage | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [sent, setSent] = useState<{ reference: string; triage: Triage } | null>(null);
  const loaded = useRef(false);
  const cy = i18n.language === 'cy';

  // Resume the latest draft, if any: the signal may have dropped mid-referral.
  useEffect(() => {
    void api<{ drafts: { id: string; data: Record<string, unknown> }[] }>('GET', '/api/referrals/drafts').then(({ drafts }) => {
      const latest = drafts[0];
      if (latest) {
        setDraftId(latest.id);
        setForm({ ...EMPTY, ...(latest.data as Partial<Form>) });
      }
      loaded.current = true;
    });
  }, []);

  useEffect(() => {
    if (!loaded.current || sent) return;
    const save = setTimeout(() => {
      void api<{ updatedAt: string }>('PUT', `/api/referrals/drafts/${draftId}`, { data: form }).then((d) => setSavedAt(d.updatedAt));
    }, 1200);
    const preview = setTimeout(() => {
      void api<Triage>('POST', '/api/referrals/preview', toRequest(form))
        .then(setTriage)
        .catch(() => undefined);
    }, 300);
    return () => {
      clearTimeout(save);
      clearTimeout(preview);
    };
  }, [form, draftId, sent]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const toggle = (key: 'indicators' | 'exploitationTypes', id: string, on: boolean) => set(key, on ? [...form[key], id] : form[key].filter((x) => x !== id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.summary.trim()) return setProblems([{ field: 'summary', message: t('referral.errors.summary') }]);
    try {
      const result = await api<{ reference: string; triage: Triage }>('POST', '/api/referrals', { ...toRequest(form), draftId });
      setSent(result);
      setProblems([]);
      window.scrollTo(0, 0);
    } catch (error) {
      setProblems(problemsFrom(error, t).map((p) => ({ ...p, field: p.field?.replace(/^victim\.ageYears$/, 'age').replace(/^location\./, '') })));
    }
  };

  if (sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">{t('referral.sentTitle')}</h1>
            <div className="govuk-panel__body">{t('referral.sentReference', { reference: sent.reference })}</div>
          </div>
          <Guidance triage={sent.triage} />
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => {
              setSent(null);
              setForm(EMPTY);
              setDraftId(crypto.randomUUID());
            }}
          >
            {t('referral.another')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary problems={problems} />
        <h1 className="govuk-heading-l">{t('referral.title')}</h1>
        <p className="govuk-body">{t('referral.lead')}</p>
        <p className="govuk-body-s" role="status">
          {savedAt ? t('referral.saved', { time: new Date(savedAt).toLocaleTimeString(cy ? 'cy-GB' : 'en-GB') }) : '\u00a0'}
        </p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h2 className="govuk-heading-m">{t('referral.victimTitle')}</h2>
          <TextField
            id="givenName"
            label={t('referral.givenName')}
            autoComplete="off"
            value={form.givenName}
            onChange={(e) => set('givenName', e.target.value)}
          />
          <TextField
            id="familyName"
            label={t('referral.familyName')}
            autoComplete="off"
            value={form.familyName}
            onChange={(e) => set('familyName', e.target.value)}
          />
          <TextField
            id="age"
            label={t('referral.age')}
            hint={t('referral.ageHint')}
            inputMode="numeric"
            className="govuk-input--width-3"
            value={form.age}
            onChange={(e) => set('age', e.target.value)}
            error={fieldError(problems, 'age')}
          />
          <RadiosField
            inline
            name="child"
            legend={t('referral.child')}
            hint={t('referral.childHint')}
            value={form.child}
            onChange={(v) => set('child', v as Form['child'])}
            options={[
              ['yes', t('common.yes')],
              ['no', t('common.no')],
              ['unknown', t('report.notSure')],
            ]}
          />
          <SelectField
            id="gender"
            label={t('referral.gender')}
            value={form.gender}
            onChange={(v) => set('gender', v)}
            options={[
              { value: '', label: '' },
              ...(['female', 'male', 'other', 'unknown'] as const).map((g) => ({ value: g, label: t(`referral.genders.${g}`) })),
            ]}
          />
          <TextField
            id="nationality"
            label={t('referral.nationality')}
            autoComplete="off"
            value={form.nationality}
            onChange={(e) => set('nationality', e.target.value)}
          />
          <TextField id="language" label={t('referral.language')} autoComplete="off" value={form.language} onChange={(e) => set('language', e.target.value)} />
          <Check id="interpreterNeeded" label={t('referral.interpreter')} checked={form.interpreterNeeded} onChange={(v) => set('interpreterNeeded', v)} />

          <h2 className="govuk-heading-m">{t('referral.consentTitle')}</h2>
          <RadiosField
            inline
            name="consentToNrm"
            legend={t('referral.consent')}
            hint={t('referral.consentHint')}
            value={form.consentToNrm}
            onChange={(v) => set('consentToNrm', v as Form['consentToNrm'])}
            options={[
              ['yes', t('common.yes')],
              ['no', t('common.no')],
              ['unknown', t('report.notSure')],
            ]}
          />
          <Check id="riskToLife" label={t('referral.risk')} checked={form.riskToLife} onChange={(v) => set('riskToLife', v)} />

          <h2 className="govuk-heading-m">{t('referral.indicatorsTitle')}</h2>
          <p className="govuk-hint">{t('referral.indicatorsHint', { version: catalogue.data?.version ?? '' })}</p>
          {GROUPS.map((group) => (
            <div className="govuk-form-group" key={group}>
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t(`referral.groups.${group}`)}</legend>
                <div className="govuk-checkboxes govuk-checkboxes--small">
                  {(catalogue.data?.indicators ?? [])
                    .filter((i) => i.group === group)
                    .map((i) => (
                      <div className="govuk-checkboxes__item" key={i.id}>
                        <input
                          className="govuk-checkboxes__input"
                          id={`indicator-${i.id}`}
                          type="checkbox"
                          checked={form.indicators.includes(i.id)}
                          onChange={(e) => toggle('indicators', i.id, e.target.checked)}
                        />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={`indicator-${i.id}`}>
                          {cy ? i.label.cy : i.label.en}
                        </label>
                      </div>
                    ))}
                </div>
              </fieldset>
            </div>
          ))}
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('referral.typesTitle')}</legend>
              <div className="govuk-checkboxes govuk-checkboxes--small">
                {TYPES.map((type) => (
                  <div className="govuk-checkboxes__item" key={type}>
                    <input
                      className="govuk-checkboxes__input"
                      id={`type-${type}`}
                      type="checkbox"
                      checked={form.exploitationTypes.includes(type)}
                      onChange={(e) => toggle('exploitationTypes', type, e.target.checked)}
                    />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={`type-${type}`}>
                      {t(`referral.types.${type}`)}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>

          <h2 className="govuk-heading-m">{t('referral.whereTitle')}</h2>
          <SelectField
            id="localAuthority"
            label={t('referral.area')}
            value={form.localAuthority}
            onChange={(v) => set('localAuthority', v)}
            options={[{ value: '', label: t('referral.chooseArea') }, ...AREAS.map(([code, en, cyName]) => ({ value: code, label: cy ? cyName : en }))]}
          />
          <TextField id="town" label={t('referral.town')} value={form.town} onChange={(e) => set('town', e.target.value)} />
          <TextField
            id="postcode"
            label={t('referral.postcode')}
            className="govuk-input--width-10"
            value={form.postcode}
            onChange={(e) => set('postcode', e.target.value)}
            error={fieldError(problems, 'postcode')}
          />
          <TextField
            id="placeDescription"
            label={t('referral.placeDescription')}
            value={form.placeDescription}
            onChange={(e) => set('placeDescription', e.target.value)}
          />

          <div className={`govuk-form-group${fieldError(problems, 'summary') ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--m" htmlFor="summary">
              {t('referral.summary')}
            </label>
            {fieldError(problems, 'summary') && (
              <p id="summary-error" className="govuk-error-message">
                {fieldError(problems, 'summary')}
              </p>
            )}
            <textarea
              id="summary"
              className="govuk-textarea"
              rows={6}
              value={form.summary}
              onChange={(e) => set('summary', e.target.value)}
              aria-describedby={fieldError(problems, 'summary') ? 'summary-error' : undefined}
            />
          </div>

          <h2 className="govuk-heading-m">{t('referral.othersTitle')}</h2>
          <TextField id="suspect" label={t('referral.suspectName')} autoComplete="off" value={form.suspect} onChange={(e) => set('suspect', e.target.value)} />
          <TextField
            id="phone"
            label={t('referral.phone')}
            type="tel"
            autoComplete="off"
            value={form.phone}
            onChange={(e) => set('phone', e.target.value)}
            error={fieldError(problems, 'phones.0')}
          />
          <TextField
            id="vehicle"
            label={t('referral.vehicle')}
            className="govuk-input--width-10"
            autoComplete="off"
            value={form.vehicle}
            onChange={(e) => set('vehicle', e.target.value)}
          />
          <TextField id="address" label={t('referral.address')} autoComplete="off" value={form.address} onChange={(e) => set('address', e.target.value)} />

          {triage && <Guidance triage={triage} />}
          <button type="submit" className="govuk-button">
            {t('referral.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}

function Check({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
        </div>
      </div>
    </div>
  );
}
