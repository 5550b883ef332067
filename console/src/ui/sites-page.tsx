/** The sites page (admins): the sites that embed the widget, a form to create one, and the chosen site's settings. */
import { useEffect, useState } from 'preact/hooks';
import type { Department, SiteView } from '@kefu/shared';
import { useI18n } from './i18n-context.ts';
import { SiteEditor } from './site-editor.tsx';
import { siteErrorText } from './site-errors.ts';
import { sitesApi } from './sites-api.ts';
import { teamApi } from './team-api.ts';
import './sites.css';

export function SitesPage() {
  const { t } = useI18n();
  const [sites, setSites] = useState<SiteView[] | null>(null);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [draft, setDraft] = useState({ key: '', name: '' });

  useEffect(() => {
    void Promise.all([sitesApi.list(), teamApi.departments()]).then(([s, d]) => {
      if (s.ok) {
        setSites(s.data.sites);
        setSelected((key) => key ?? s.data.sites[0]?.key ?? null);
      } else setError(siteErrorText(s, t));
      if (d.ok) setDepartments(d.data.departments);
    });
  }, []);

  // A newly chosen site's settings take the focus, so keyboard and screen-reader users land on them.
  const choose = (key: string) => {
    setSelected(key);
    requestAnimationFrame(() => document.getElementById(`site-${key}-title`)?.focus());
  };

  const create = async (event: Event) => {
    event.preventDefault();
    setError('');
    const res = await sitesApi.create({ key: draft.key.trim(), name: draft.name });
    if (!res.ok) return setError(siteErrorText(res, t));
    setSites((list) => [...(list ?? []), res.data.site]);
    setDraft({ key: '', name: '' });
    choose(res.data.site.key);
  };

  const current = sites?.find((s) => s.key === selected);
  return (
    <section class="page" aria-labelledby="sites-title">
      <div class="page-head">
        <h2 id="sites-title" tabIndex={-1}>
          {t('sitesTitle')}
        </h2>
      </div>
      <p class="muted">{t('sitesIntro')}</p>
      <form class="card inline-form" onSubmit={create}>
        <label class="field">
          <span>{t('siteKey')}</span>
          <input
            value={draft.key}
            required
            pattern="[a-z0-9][a-z0-9\-]{1,31}"
            maxLength={32}
            spellcheck={false}
            onInput={(e) => setDraft({ ...draft, key: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>{t('siteName')}</span>
          <input value={draft.name} required maxLength={80} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
        </label>
        <div class="form-actions">
          <button type="submit" class="primary">
            {t('createSite')}
          </button>
        </div>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {sites === null ? (
        <p class="placeholder">{t('loading')}</p>
      ) : sites.length === 0 ? (
        <p class="placeholder">{t('siteNone')}</p>
      ) : (
        <div class="sites-layout">
          <ul class="site-list" aria-label={t('siteListLabel')}>
            {sites.map((s) => (
              <li key={s.key}>
                <button
                  type="button"
                  class="site-pick"
                  aria-current={s.key === selected ? 'true' : undefined}
                  aria-label={t('editSite', { name: s.name })}
                  onClick={() => choose(s.key)}
                >
                  <span class="swatch" style={{ background: s.themeColor ?? 'var(--accent)' }} aria-hidden="true" />
                  <span class="site-pick-name">{s.name}</span>
                  <code class="muted">{s.key}</code>
                </button>
              </li>
            ))}
          </ul>
          {current && (
            <SiteEditor
              key={current.key}
              site={current}
              departments={departments}
              onSaved={(next) => setSites((list) => (list ?? []).map((s) => (s.key === next.key ? next : s)))}
            />
          )}
        </div>
      )}
    </section>
  );
}
