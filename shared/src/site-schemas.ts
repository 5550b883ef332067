/**
 * Sites as the visitor sees them (the hello acknowledgement) and the pre-chat form: the contract
 * between the sites admin, the server's handoff and the widget.
 */
import * as v from 'valibot';
import { LIMITS } from './limits.ts';
import { record } from './schemas.ts';

/** off: no form; optional: shown before the first handoff with a skip; required: the handoff waits for it. */
export const PRE_CHAT_MODES = ['off', 'optional', 'required'] as const;
export type PreChatMode = (typeof PRE_CHAT_MODES)[number];

/** Which fields the form asks; `contact` is an email or a phone number. */
export interface PreChatSettings {
  mode: PreChatMode;
  askName: boolean;
  askContact: boolean;
  askDepartment: boolean;
}

export const PreChatSettingsSchema = record({
  mode: v.picklist(PRE_CHAT_MODES),
  askName: v.boolean(),
  askContact: v.boolean(),
  askDepartment: v.boolean(),
});

export const PRE_CHAT_OFF: PreChatSettings = { mode: 'off', askName: false, askContact: false, askDepartment: false };

/** A department the visitor may choose in the pre-chat form, with both labels (the widget shows its language's). */
export interface PreChatDepartment {
  key: string;
  nameZh: string;
  nameEn: string;
}

/** What the widget learns about its site in the hello acknowledgement. */
export interface PublicSiteSettings {
  name: string;
  /** `#rrggbb`; the embed snippet's `data-color` wins over it. */
  themeColor?: string;
  /** The site owner's own greeting, shown above the suggestions instead of the default one. */
  welcomeText?: string;
  preChat: PreChatSettings;
  /** Offered when `preChat.askDepartment`; empty otherwise. */
  departments: PreChatDepartment[];
}

const NO_CONTROLS = /^[^\u0000-\u001F\u007F]*$/;
const field = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max), v.regex(NO_CONTROLS, 'control characters are not allowed'));

/** An email address or a phone number (digits with an optional +, spaces, dashes and brackets). */
export const ContactSchema = v.pipe(
  field(LIMITS.emailChars),
  v.minLength(3, 'contact is too short'),
  v.check(
    (s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) || /^\+?[\d\s()-]{5,20}$/.test(s),
    'contact must be an email address or a phone number',
  ),
);

/** Visitor → server with the first handoff: the pre-chat answers (each optional here; the site's mode decides what is required). */
export const PreChatAnswersSchema = record({
  name: v.optional(v.pipe(field(LIMITS.nameChars), v.minLength(1, 'name is empty'))),
  contact: v.optional(ContactSchema),
  department: v.optional(v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,31}$/, 'unknown department'))),
});
export type PreChatAnswers = v.InferOutput<typeof PreChatAnswersSchema>;
