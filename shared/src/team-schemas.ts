/** The team's protocol: roles and their order, presence, and the schemas of every team and department HTTP body. */
import * as v from 'valibot';
import type { AgentRole } from './domain.ts';
import { LIMITS } from './limits.ts';
import { record } from './schemas.ts';

/** Every role, least access first: each one may do what those before it may. */
export const AGENT_ROLES = ['agent', 'supervisor', 'admin'] as const satisfies readonly AgentRole[];

/** True when `role` grants at least what `minimum` grants. */
export function roleAtLeast(role: AgentRole, minimum: AgentRole): boolean {
  return AGENT_ROLES.indexOf(role) >= AGENT_ROLES.indexOf(minimum);
}

/** What an agent says about being reachable; routing only assigns to `online`. */
export const PRESENCES = ['online', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];

/** Concurrent conversations an agent takes unless an admin sets otherwise. */
export const DEFAULT_CAPACITY = 5;
export const MAX_CAPACITY = 50;
/** An invite link works this long, once. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const MIN_PASSWORD_CHARS = 8;

const CONTROL_CHARS = /[\u0000-\u001F\u007F]/;
const line = (max: number) =>
  v.pipe(v.string(), v.check((s) => !CONTROL_CHARS.test(s), 'control characters are not allowed'), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max));
const email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(LIMITS.emailChars), v.regex(/^[^\s@]+@[^\s@]+$/, 'invalid email'));
const departmentKey = v.pipe(v.string(), v.trim(), v.regex(/^[a-z][a-z0-9-]{0,31}$/, 'a department key is 1–32 lowercase letters, digits or -, starting with a letter'));
const roleSchema = v.picklist(AGENT_ROLES);
const password = v.pipe(
  v.string(),
  v.check((s) => !CONTROL_CHARS.test(s), 'control characters are not allowed'),
  v.minLength(MIN_PASSWORD_CHARS, `a password needs at least ${MIN_PASSWORD_CHARS} characters`),
  v.maxLength(LIMITS.passwordChars),
);

/** Admin → server: invite someone by email, with a role and optionally a first department. */
export const InviteCreateSchema = record({ email, role: roleSchema, department: v.optional(departmentKey) });
export type InviteCreateInput = v.InferOutput<typeof InviteCreateSchema>;

/** Invitee → server: the display name visitors will see, and a password. */
export const InviteAcceptSchema = record({ name: line(LIMITS.nameChars), password });
export type InviteAcceptInput = v.InferOutput<typeof InviteAcceptSchema>;

/** Admin → server: change one agent; `disabled: true` signs them out everywhere. */
export const AgentPatchSchema = record({
  name: v.optional(line(LIMITS.nameChars)),
  role: v.optional(roleSchema),
  capacity: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_CAPACITY))),
  disabled: v.optional(v.boolean()),
});
export type AgentPatchInput = v.InferOutput<typeof AgentPatchSchema>;

/** Any agent → server: their own presence. */
export const PresenceSchema = record({ presence: v.picklist(PRESENCES) });
export type PresenceInput = v.InferOutput<typeof PresenceSchema>;

/** Admin → server: a new department. */
export const DepartmentCreateSchema = record({ key: departmentKey, nameZh: line(40), nameEn: line(60) });
export type DepartmentCreateInput = v.InferOutput<typeof DepartmentCreateSchema>;

/** Admin → server: rename a department (its key never changes: conversations and entries refer to it). */
export const DepartmentPatchSchema = record({ nameZh: v.optional(line(40)), nameEn: v.optional(line(60)) });
export type DepartmentPatchInput = v.InferOutput<typeof DepartmentPatchSchema>;

/** One agent as the team page shows it. */
export interface TeamAgent {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  presence: Presence;
  capacity: number;
  disabled: boolean;
  /** Department keys. */
  departments: string[];
  /** Conversations assigned and still open. */
  openConversations: number;
}

/** A department with its members' agent ids. */
export interface Department {
  key: string;
  nameZh: string;
  nameEn: string;
  members: string[];
}

/** What an invite link shows before it is accepted. */
export interface InviteInfo {
  email: string;
  role: AgentRole;
  department?: string;
  expiresAt: number;
}

/** The admin's answer to creating an invite: `path` is `/console/#/invite/<token>`, shown once. */
export interface InviteCreated extends InviteInfo {
  path: string;
}
