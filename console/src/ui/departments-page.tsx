/** The departments page (admins): create, rename and delete departments, and tick which agents belong to each. */
import { useEffect, useState } from 'preact/hooks';
import type { Department, TeamAgent } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from './i18n-context.ts';
import { teamApi } from './team-api.ts';
import { departmentName, teamErrorKey } from './team-labels.ts';

/** One department's card: its two names (saved together) and its member checkboxes. */
function DepartmentCard({ department, agents, onChanged, onError }: {
  department: Department;
  agents: TeamAgent[];
  onChanged(next: Department | null): void;
  onError(key: MessageKey): void;
}) {
  const { t, lang } = useI18n();
  const [nameZh, setNameZh] = useState(department.nameZh);
  const [nameEn, setNameEn] = useState(department.nameEn);
  const [saved, setSaved] = useState(false);
  const name = departmentName(department, lang);
  const dirty = nameZh !== department.nameZh || nameEn !== department.nameEn;

  const save = async (event: Event) => {
    event.preventDefault();
    const res = await teamApi.patchDepartment(department.key, { nameZh, nameEn });
    if (!res.ok) return onError(teamErrorKey(res));
    onChanged(res.data.department);
    setSaved(true);
  };

  const remove = async () => {
    if (!confirm(t('deleteDepartmentConfirm', { name }))) return;
    const res = await teamApi.deleteDepartment(department.key);
    if (res.ok) onChanged(null);
    else onError(teamErrorKey(res));
  };

  const toggle = async (agentId: string, member: boolean) => {
    const res = await teamApi.setMember(department.key, agentId, member);
    if (res.ok) onChanged(res.data.department);
    else onError(teamErrorKey(res));
  };

  return (
    <li class="card dept-card" aria-labelledby={`dept-${department.key}`}>
      <form class="inline-form" onSubmit={save}>
        <h3 id={`dept-${department.key}`} class="dept-title">
          {name} <code class="muted">{department.key}</code>
        </h3>
        <label class="field">
          <span>{t('deptNameZh')}</span>
          <input value={nameZh} required onInput={(e) => (setNameZh(e.currentTarget.value), setSaved(false))} />
        </label>
        <label class="field">
          <span>{t('deptNameEn')}</span>
          <input value={nameEn} required onInput={(e) => (setNameEn(e.currentTarget.value), setSaved(false))} />
        </label>
        <div class="form-actions">
          <button type="submit" class="small" disabled={!dirty} aria-label={t('saveDepartment', { name })}>
            {saved && !dirty ? t('saved') : t('save')}
          </button>
          <button type="button" class="small danger" onClick={() => void remove()}>
            {t('deleteDepartment', { name })}
          </button>
        </div>
      </form>
      <fieldset class="members">
        <legend>{t('deptMembers')}</legend>
        {agents.length === 0 && <p class="muted">{t('deptNoMembers')}</p>}
        {agents.map((a) => (
          <label key={a.id} class="member">
            <input
              type="checkbox"
              checked={department.members.includes(a.id)}
              aria-label={t('memberOf', { agent: a.name, department: name })}
              onChange={(e) => void toggle(a.id, e.currentTarget.checked)}
            />
            <span aria-hidden="true">{a.name}</span>
          </label>
        ))}
      </fieldset>
    </li>
  );
}

/** The page: a create form above the list of department cards. */
export function DepartmentsPage() {
  const { t } = useI18n();
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [agents, setAgents] = useState<TeamAgent[]>([]);
  const [error, setError] = useState<MessageKey | null>(null);
  const [draft, setDraft] = useState({ key: '', nameZh: '', nameEn: '' });

  useEffect(() => {
    void Promise.all([teamApi.departments(), teamApi.agents()]).then(([d, a]) => {
      if (d.ok) setDepartments(d.data.departments);
      else setError(teamErrorKey(d));
      if (a.ok) setAgents(a.data.agents.filter((x) => !x.disabled));
    });
  }, []);

  const create = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const res = await teamApi.createDepartment({ key: draft.key.trim(), nameZh: draft.nameZh, nameEn: draft.nameEn });
    if (!res.ok) return setError(teamErrorKey(res));
    setDepartments((list) => [...(list ?? []), res.data.department]);
    setDraft({ key: '', nameZh: '', nameEn: '' });
  };

  const replace = (key: string, next: Department | null) =>
    setDepartments((list) => (list ?? []).flatMap((d) => (d.key !== key ? [d] : next ? [next] : [])));

  return (
    <section class="page" aria-labelledby="departments-title">
      <div class="page-head">
        <h2 id="departments-title" tabIndex={-1}>
          {t('departmentsTitle')}
        </h2>
      </div>
      <form class="card inline-form create-dept" onSubmit={create}>
        <label class="field">
          <span>{t('deptKey')}</span>
          <input value={draft.key} required pattern="[a-z][a-z0-9-]{0,31}" onInput={(e) => setDraft({ ...draft, key: e.currentTarget.value })} />
        </label>
        <label class="field">
          <span>{t('deptNameZh')}</span>
          <input value={draft.nameZh} required onInput={(e) => setDraft({ ...draft, nameZh: e.currentTarget.value })} />
        </label>
        <label class="field">
          <span>{t('deptNameEn')}</span>
          <input value={draft.nameEn} required onInput={(e) => setDraft({ ...draft, nameEn: e.currentTarget.value })} />
        </label>
        <div class="form-actions">
          <button type="submit" class="primary">
            {t('createDepartment')}
          </button>
        </div>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {t(error)}
        </p>
      )}
      {departments === null ? (
        <p class="placeholder">{t('loading')}</p>
      ) : (
        <ul class="dept-list">
          {departments.map((d) => (
            <DepartmentCard key={d.key} department={d} agents={agents} onChanged={(next) => replace(d.key, next)} onError={setError} />
          ))}
        </ul>
      )}
    </section>
  );
}
