/**
 * One site's settings form: name, allowed origins, theme colour, welcome text, suggested questions, the
 * pre-chat form, the default department and identity verification (the secret is write-only: the form
 * only says whether one is set), then its embed code.
 */
import { useState } from 'preact/hooks';
import {
  PRE_CHAT_MODES,
  SITE_SUGGESTION_CHARS,
  SITE_SUGGESTIONS_MAX,
  SITE_WELCOME_CHARS,
  type Department,
  type PreChatSettings,
  type SitePatchInput,
  type SiteView,
} from '@kefu/shared';
import { useI18n } from './i18n-context.ts';
import { SiteEmbed } from './site-embed.tsx';
import { siteErrorText } from './site-errors.ts';
import { sitesApi } from './sites-api.ts';
import { departmentName } from './team-labels.ts';

/** The form's fields as typed (lists as one line each). */
interface Draft {
  name: string;
  origins: string;
  color: string;
  welcome: string;
  suggestions: string;
  preChat: PreChatSettings;
  defaultDepartment: string;
  secret: string;
  identityRequired: boolean;
}

const draftOf = (site: SiteView): Draft => ({
  name: site.name,
  origins: site.allowedOrigins.join('\n'),
  color: site.themeColor ?? '',
  welcome: site.welcomeText ?? '',
  suggestions: site.suggestions.join('\n'),
  preChat: site.preChat,
  defaultDepartment: site.defaultDepartment ?? '',
  secret: '',
  identityRequired: site.identityRequired,
});

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const HEX = /^#[0-9a-fA-F]{6}$/;
/** What the colour picker shows while the text is empty or half typed. */
const PICKER_DEFAULT = '#2563eb';

export interface SiteEditorProps {
  site: SiteView;
  departments: Department[];
  onSaved(site: SiteView): void;
}

export function SiteEditor({ site, departments, onSaved }: SiteEditorProps) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(site));
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };
  const setPreChat = (patch: Partial<PreChatSettings>) => set('preChat', { ...draft.preChat, ...patch });
  const id = (field: string) => `site-${site.key}-${field}`;

  const send = async (patch: SitePatchInput) => {
    setBusy(true);
    setError('');
    const res = await sitesApi.patch(site.key, patch);
    setBusy(false);
    if (!res.ok) return setError(siteErrorText(res, t));
    onSaved(res.data.site);
    setDraft(draftOf(res.data.site));
    setSaved(true);
  };

  const save = (event: Event) => {
    event.preventDefault();
    const suggestions = lines(draft.suggestions);
    if (suggestions.length > SITE_SUGGESTIONS_MAX) return setError(t('siteErrorTooManySuggestions'));
    void send({
      name: draft.name,
      allowedOrigins: lines(draft.origins),
      themeColor: draft.color.trim() || null,
      welcomeText: draft.welcome.trim() || null,
      suggestions,
      preChat: draft.preChat,
      defaultDepartment: draft.defaultDepartment || null,
      identityRequired: draft.identityRequired,
      ...(draft.secret ? { identitySecret: draft.secret } : {}),
    });
  };

  const off = draft.preChat.mode === 'off';
  return (
    <section class="card site-editor" aria-labelledby={id('title')}>
      <h3 id={id('title')} class="card-title" tabIndex={-1}>
        {t('siteSettingsTitle', { name: site.name })} <code class="muted">{site.key}</code>
      </h3>
      <form class="site-form" onSubmit={save}>
        <label class="field">
          <span>{t('siteName')}</span>
          <input value={draft.name} required maxLength={80} onInput={(e) => set('name', e.currentTarget.value)} />
        </label>
        <div class="field">
          <label for={id('origins')}>{t('siteOrigins')}</label>
          <textarea
            id={id('origins')}
            rows={3}
            value={draft.origins}
            spellcheck={false}
            aria-describedby={id('origins-hint')}
            onInput={(e) => set('origins', e.currentTarget.value)}
          />
          <small id={id('origins-hint')} class="muted">
            {t('siteOriginsHint')}
          </small>
        </div>
        <div class="field">
          <span id={id('color-label')}>{t('siteThemeColor')}</span>
          <div class="color-row">
            <input
              type="color"
              aria-labelledby={id('color-label')}
              value={HEX.test(draft.color) ? draft.color.toLowerCase() : PICKER_DEFAULT}
              onInput={(e) => set('color', e.currentTarget.value)}
            />
            <input
              class="color-hex"
              value={draft.color}
              placeholder="#0f766e"
              pattern="#[0-9a-fA-F]{6}"
              maxLength={7}
              spellcheck={false}
              aria-label={t('siteThemeColorHex')}
              aria-describedby={id('color-hint')}
              onInput={(e) => set('color', e.currentTarget.value)}
            />
          </div>
          <small id={id('color-hint')} class="muted">
            {t('siteThemeColorHint')}
          </small>
        </div>
        <label class="field">
          <span>{t('siteWelcomeText')}</span>
          <textarea rows={3} value={draft.welcome} maxLength={SITE_WELCOME_CHARS} onInput={(e) => set('welcome', e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('siteSuggestions')}</span>
          <textarea
            rows={4}
            value={draft.suggestions}
            maxLength={SITE_SUGGESTIONS_MAX * (SITE_SUGGESTION_CHARS + 1)}
            onInput={(e) => set('suggestions', e.currentTarget.value)}
          />
        </label>
        <fieldset class="field-group">
          <legend>{t('sitePreChat')}</legend>
          <label class="field">
            <span>{t('sitePreChatMode')}</span>
            <select value={draft.preChat.mode} onChange={(e) => setPreChat({ mode: e.currentTarget.value as PreChatSettings['mode'] })}>
              {PRE_CHAT_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`preChatMode_${mode}`)}
                </option>
              ))}
            </select>
          </label>
          <div class="checks">
            <label class="check">
              <input type="checkbox" checked={draft.preChat.askName} disabled={off} onChange={(e) => setPreChat({ askName: e.currentTarget.checked })} />
              {t('preChatAskName')}
            </label>
            <label class="check">
              <input type="checkbox" checked={draft.preChat.askContact} disabled={off} onChange={(e) => setPreChat({ askContact: e.currentTarget.checked })} />
              {t('preChatAskContact')}
            </label>
            <label class="check">
              <input type="checkbox" checked={draft.preChat.askDepartment} disabled={off} onChange={(e) => setPreChat({ askDepartment: e.currentTarget.checked })} />
              {t('preChatAskDepartment')}
            </label>
          </div>
        </fieldset>
        <div class="field">
          <label for={id('dept')}>{t('siteDefaultDepartment')}</label>
          <select id={id('dept')} value={draft.defaultDepartment} aria-describedby={id('dept-hint')} onChange={(e) => set('defaultDepartment', e.currentTarget.value)}>
            <option value="">{t('noneOption')}</option>
            {departments.map((d) => (
              <option key={d.key} value={d.key}>
                {departmentName(d, lang)}
              </option>
            ))}
          </select>
          <small id={id('dept-hint')} class="muted">
            {t('siteDefaultDepartmentHint')}
          </small>
        </div>
        <fieldset class="field-group">
          <legend>{t('siteIdentity')}</legend>
          <p class="muted">{site.hasIdentitySecret ? t('siteSecretSet') : t('siteSecretUnset')}</p>
          <label class="field">
            <span>{t('siteNewSecret')}</span>
            <input
              type="password"
              autocomplete="new-password"
              value={draft.secret}
              minLength={16}
              maxLength={256}
              spellcheck={false}
              onInput={(e) => set('secret', e.currentTarget.value)}
            />
          </label>
          {site.hasIdentitySecret && (
            <div class="form-actions">
              <button type="button" class="small danger" disabled={busy} onClick={() => void send({ identitySecret: null })}>
                {t('siteRemoveSecret')}
              </button>
            </div>
          )}
          <label class="check">
            <input type="checkbox" checked={draft.identityRequired} onChange={(e) => set('identityRequired', e.currentTarget.checked)} />
            {t('siteIdentityRequired')}
          </label>
        </fieldset>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('saveSite')}
          </button>
          <span role="status" class="muted">
            {saved ? t('saved') : ''}
          </span>
        </div>
      </form>
      <SiteEmbed siteKey={site.key} />
    </section>
  );
}
