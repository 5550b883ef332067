/** The sites admin: what an admin sees of a site and the bodies that create and change one (console and server alike). */
import * as v from 'valibot';
import { record } from './schemas.ts';
import { PreChatSettingsSchema, type PreChatSettings } from './site-schemas.ts';

/** Suggested questions a site may offer, and how long each may be. */
export const SITE_SUGGESTIONS_MAX = 6;
export const SITE_SUGGESTION_CHARS = 100;
export const SITE_WELCOME_CHARS = 500;
export const SITE_NAME_CHARS = 80;

/** What an admin sees of a site: everything but the identity secret, which is write-only. */
export interface SiteView {
  key: string;
  name: string;
  allowedOrigins: string[];
  identityRequired: boolean;
  hasIdentitySecret: boolean;
  tokenGeneration: number;
  themeColor?: string;
  welcomeText?: string;
  suggestions: string[];
  preChat: PreChatSettings;
  defaultDepartment?: string;
  createdAt: number;
}

const CONTROL_CHARS = /[\u0000-\u001F\u007F]/;
/** Tab, newline and carriage return may stay in a longer text; the other controls may not. */
const CONTROL_CHARS_BUT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const SiteKeySchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'a site key is 2–32 lowercase letters, digits or -, starting with a letter or digit'),
);

const name = v.pipe(
  v.string(),
  v.check((s) => !CONTROL_CHARS.test(s), 'control characters are not allowed'),
  v.trim(),
  v.minLength(1, 'name must not be empty'),
  v.maxLength(SITE_NAME_CHARS),
);

const origin = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(253),
  v.transform((s) => s.replace(/\/+$/, '')),
  v.check((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === s;
    } catch {
      return false;
    }
  }, 'each allowed origin must be scheme://host[:port], without a path'),
);

const themeColor = v.pipe(v.string(), v.trim(), v.regex(/^#[0-9a-fA-F]{6}$/, 'themeColor must be #rrggbb'), v.toLowerCase());

/** Blank clears the greeting (null), like leaving the field empty. */
const welcomeText = v.pipe(
  v.string(),
  v.check((s) => !CONTROL_CHARS_BUT_LINES.test(s), 'control characters are not allowed'),
  v.trim(),
  v.maxLength(SITE_WELCOME_CHARS, `welcomeText may have at most ${SITE_WELCOME_CHARS} characters`),
  v.transform((s) => (s === '' ? null : s)),
);

const suggestion = v.pipe(
  v.string(),
  v.check((s) => !CONTROL_CHARS.test(s), 'control characters are not allowed'),
  v.trim(),
  v.minLength(1, 'a suggested question must not be empty'),
  v.maxLength(SITE_SUGGESTION_CHARS, `a suggested question may have at most ${SITE_SUGGESTION_CHARS} characters`),
);

const suggestions = v.pipe(
  v.array(suggestion),
  v.maxLength(SITE_SUGGESTIONS_MAX, `at most ${SITE_SUGGESTIONS_MAX} suggested questions`),
  v.check((list) => new Set(list).size === list.length, 'suggested questions must differ from each other'),
);

const departmentKey = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,31}$/, 'unknown department'));

// Long enough that guessing it is hopeless; printable ASCII so it pastes into any backend's config.
const identitySecret = v.pipe(
  v.string(),
  v.minLength(16, 'identitySecret needs at least 16 characters'),
  v.maxLength(256),
  v.regex(/^[\x21-\x7E]+$/, 'identitySecret must be printable ASCII without spaces'),
);

/** The settings both bodies may carry; `null` removes an optional one (`identitySecret: null` removes the secret). */
const settings = {
  allowedOrigins: v.optional(v.pipe(v.array(origin), v.maxLength(100))),
  themeColor: v.optional(v.nullable(themeColor)),
  welcomeText: v.optional(v.nullable(welcomeText)),
  suggestions: v.optional(suggestions),
  preChat: v.optional(PreChatSettingsSchema),
  defaultDepartment: v.optional(v.nullable(departmentKey)),
  identitySecret: v.optional(v.nullable(identitySecret)),
  identityRequired: v.optional(v.boolean()),
};

/** Admin → server: a new site (POST /api/sites). */
export const SiteCreateSchema = record({ key: SiteKeySchema, name, ...settings });
export type SiteCreateInput = v.InferOutput<typeof SiteCreateSchema>;

/** Admin → server: change a site (PATCH /api/sites/:key); fields left out stay as they are. */
export const SitePatchSchema = record({ name: v.optional(name), ...settings });
export type SitePatchInput = v.InferOutput<typeof SitePatchSchema>;
