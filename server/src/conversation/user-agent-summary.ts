/** "Chrome 131 / macOS" from a User-Agent header, for the handoff card; no library, the common browsers only. */

const MAX_RAW = 60;

/** Order matters: Edge and Opera also say Chrome, Chrome also says Safari. */
const BROWSERS: [name: string, pattern: RegExp][] = [
  ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /(?:OPR|Opera)\/(\d+)/],
  ['WeChat', /MicroMessenger\/(\d+)/],
  ['Samsung Internet', /SamsungBrowser\/(\d+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /Version\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//],
];

const SYSTEMS: [name: string, pattern: RegExp][] = [
  ['iOS', /iPhone|iPad|iPod/],
  ['Android', /Android/],
  ['Windows', /Windows/],
  ['ChromeOS', /CrOS/],
  ['macOS', /Mac OS X|Macintosh/],
  ['Linux', /Linux/],
];

/** Undefined for a missing header; the raw string, shortened, when the browser is not recognised. */
export function summarizeUserAgent(ua: string | undefined): string | undefined {
  const text = ua?.trim();
  if (!text) return undefined;
  const browser = BROWSERS.find(([, re]) => re.test(text));
  const system = SYSTEMS.find(([, re]) => re.test(text))?.[0];
  if (!browser) return text.length > MAX_RAW ? `${text.slice(0, MAX_RAW - 1)}…` : text;
  const version = browser[1].exec(text)?.[1];
  const name = version ? `${browser[0]} ${version}` : browser[0];
  return system ? `${name} / ${system}` : name;
}
