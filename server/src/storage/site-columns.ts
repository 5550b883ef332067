/** Which column each SitePatch field writes, with its value as both databases take it, for SQLite and PostgreSQL alike. */
import type { SitePatch } from './storage.ts';

const COLUMNS: Record<keyof SitePatch, string> = {
  name: 'name',
  allowedOrigins: 'allowed_origins',
  identitySecret: 'identity_secret',
  identityRequired: 'identity_required',
  themeColor: 'theme_color',
  welcomeText: 'welcome_text',
  suggestions: 'suggestions',
  preChat: 'pre_chat',
  defaultDepartment: 'default_department',
};

/** Fields stored as JSON text (a JS array or object would not bind as a parameter as it is). */
const JSON_FIELDS = new Set<keyof SitePatch>(['allowedOrigins', 'suggestions', 'preChat']);

/** The patch's set fields as column and value, in a fixed order; undefined keeps a column, null clears it. */
export function siteColumns(patch: SitePatch): { column: string; value: string | boolean | null }[] {
  return (Object.keys(COLUMNS) as (keyof SitePatch)[]).flatMap((key) => {
    const value = patch[key];
    if (value === undefined) return [];
    return [{ column: COLUMNS[key], value: JSON_FIELDS.has(key) && value !== null ? JSON.stringify(value) : (value as string | boolean | null) }];
  });
}
