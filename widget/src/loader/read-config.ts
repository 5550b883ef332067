/** Turns the loader's <script> attributes into a WidgetConfig, with safe defaults for anything missing or odd. */
import type { WidgetConfig } from '../common/widget-config.ts';

/** The parts of the <script> element the config needs (a plain object in tests). */
export type ScriptSource = { src: string; dataset: Partial<Record<string, string>> };

/** Reads `data-site`, `data-lang`, `data-color`, `data-position` and the base URL from the script's `src` (throws when it has none). */
export function readConfig(
  script: ScriptSource,
  browserLang: string,
  isColor: (value: string) => boolean,
): WidgetConfig {
  const { site = '', lang = browserLang, color = '', position } = script.dataset;
  return {
    site: /^[\w-]{1,64}$/.test(site) ? site : 'demo',
    lang: /^zh/i.test(lang) ? 'zh-CN' : 'en',
    color: color && isColor(color) ? color : '',
    position: position === 'left' ? 'left' : 'right',
    base: baseOf(script.src),
  };
}

/** Origin plus the directory of the script's path: `https://h/kefu/widget.js?v=1` → `https://h/kefu`; throws without a URL. */
export function baseOf(src: string): string {
  return new URL('.', src).href.slice(0, -1);
}
