/**
 * Wall-clock dates and times in a named time zone, via Intl, so neither the process time zone nor
 * the machine's clock matters: every function takes the instant and the zone.
 */

/** A calendar date: "YYYY-MM-DD". */
export type IsoDate = string;

/** What a wall clock in the zone shows at an instant. */
export interface WallTime {
  date: IsoDate;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's wall-clock fields at `epochMs`, as numbers. */
function fields(epochMs: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(epochMs)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { y: out.year!, mo: out.month!, d: out.day!, h: out.hour!, mi: out.minute!, s: out.second! };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The date `days` after `date` (negative: before). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday, of a calendar date (no zone involved). */
export function weekdayOf(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function wallTime(epochMs: number, timeZone: string): WallTime {
  const f = fields(epochMs, timeZone);
  const date = `${f.y}-${pad(f.mo)}-${pad(f.d)}`;
  return { date, weekday: weekdayOf(date), minutes: f.h * 60 + f.mi };
}

/** The zone's offset from UTC at `epochMs`, in ms (Asia/Shanghai: +8 h). */
function offsetAt(epochMs: number, timeZone: string): number {
  const f = fields(epochMs, timeZone);
  const asUtc = Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant the zone's clock shows `minutes` after midnight of `date` (1440 = the next midnight).
 * A time skipped by a daylight-saving jump is taken as that many minutes after the jump's start
 * (02:30 on a 02:00→03:00 day is 03:30); a time that occurs twice is the first one.
 */
export function instantAt(date: IsoDate, minutes: number, timeZone: string): number {
  // Every hello asks for the same few dates: remember them (Intl formatting costs microseconds each).
  const key = `${timeZone} ${date} ${minutes}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    if (instants.size >= 4096) instants.clear();
    instants.set(key, (instant = computeInstant(date, minutes, timeZone)));
  }
  return instant;
}

const instants = new Map<string, number>();

function computeInstant(date: IsoDate, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, 0, minutes);
  const before = naive - offsetAt(naive, timeZone);
  const settled = naive - offsetAt(before, timeZone);
  const shown = fields(settled, timeZone);
  // Only in a skipped hour does the settled guess show another wall time than asked for.
  return Date.UTC(shown.y, shown.mo - 1, shown.d, shown.h, shown.mi) === naive ? settled : Math.max(before, settled);
}

/** "HH:MM" → minutes since midnight. */
export function clockMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Minutes since midnight → "HH:MM". */
export function clockText(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
