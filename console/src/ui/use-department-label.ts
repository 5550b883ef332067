/** Department keys (`billing`) shown as the team named them, in the viewer's language (账户与账单 / Accounts & billing). */
import type { Department } from '@kefu/shared';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from './i18n-context.ts';
import { teamApi } from './team-api.ts';
import { departmentName } from './team-labels.ts';

/** Loaded once per page: departments change rarely, and a key still shows until the list arrives. */
let loading: Promise<Department[]> | undefined;

/** A function from a department key to its label; no key gives the "no department" text. */
export function useDepartmentLabel(): (key: string | undefined) => string {
  const { lang, t } = useI18n();
  const [departments, setDepartments] = useState<Department[]>([]);
  useEffect(() => {
    let live = true;
    loading ??= teamApi.departments().then((res) => (res.ok ? res.data.departments : []));
    void loading.then((list) => live && setDepartments(list));
    return () => {
      live = false;
    };
  }, []);
  return (key) => {
    if (!key) return t('noDepartment');
    const department = departments.find((d) => d.key === key);
    return department ? departmentName(department, lang) : key;
  };
}
