/** Looks up a message and fills its `{name}` placeholders. */
import type { Lang } from '@kefu/shared';
import { MESSAGES, type MessageKey } from './messages.ts';

/** Values for a message's placeholders. */
export type MessageParams = Record<string, string | number>;

/** A bound translator for one language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Returns the translator for `lang`; unknown placeholders are left visible so a gap shows up in review. */
export function translator(lang: Lang): Translate {
  const table = MESSAGES[lang];
  return (key, params) => {
    const text = table[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  };
}
