/**
 * The form's own check before it submits, the same rules as the server's PreChatAnswersSchema (which
 * the widget does not carry): in a required form every field asked must be filled; a contact is an
 * email address or a phone number.
 */
import { LIMITS, type PreChatAnswers, type PreChatMode } from '@kefu/shared';
import type { PreChatStrings } from './strings.ts';

export type PreChatField = 'name' | 'contact' | 'department';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()-]{5,20}$/;

export const isContact = (s: string): boolean => s.length >= 3 && s.length <= LIMITS.emailChars && (EMAIL.test(s) || PHONE.test(s));

/** What the visitor typed (trimmed), for the fields the form shows. */
export type PreChatValues = Partial<Record<PreChatField, string>>;

/** The message for each field that is wrong; empty when the answers can go. */
export function problems(values: PreChatValues, mode: PreChatMode, s: PreChatStrings): Partial<Record<PreChatField, string>> {
  const out: Partial<Record<PreChatField, string>> = {};
  const required = mode === 'required';
  if (values.name === '' && required) out.name = s.nameMissing;
  if (values.contact === '' && required) out.contact = s.contactMissing;
  else if (values.contact && !isContact(values.contact)) out.contact = s.contactBad;
  if (values.department === '' && required) out.department = s.departmentMissing;
  return out;
}

/** The answers to send: the filled fields only. */
export function answersOf(values: PreChatValues): PreChatAnswers {
  const answers: PreChatAnswers = {};
  if (values.name) answers.name = values.name.slice(0, LIMITS.nameChars);
  if (values.contact) answers.contact = values.contact;
  if (values.department) answers.department = values.department;
  return answers;
}
