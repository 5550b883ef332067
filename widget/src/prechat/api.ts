/** The contract between the app and the pre-chat chunk (widget-prechat.<hash>.js, see app/prechat-chunk.ts). */
import type { Lang, PreChatAnswers, PublicSiteSettings } from '@kefu/shared';

/** What the app asks the chunk to show. */
export interface PreChatRequest {
  /** The chat panel: the form takes the composer's place in it while open. */
  panel: HTMLElement;
  site: PublicSiteSettings;
  lang: Lang;
  /** The form's answers, or undefined when the visitor skipped an optional form; the app then hands off. */
  submit(answers?: PreChatAnswers): void;
}

/** The chunk's entry point, handed back to the app through its script element. */
export type ShowPreChat = (request: PreChatRequest) => void;
