/**
 * Service hours kept in the `settings` table as one JSON value (key `service_hours`): the demo hours
 * are written the first time they are read and none are stored. Reads are cached for a few seconds
 * per storage, so a hello does not cost a query; another node sees a change within that time.
 */
import { ServiceHoursSchema, v, type ServiceHours } from '@kefu/shared';
import { KefuError } from '../kefu-error.ts';
import type { Storage } from '../storage/storage.ts';
import { DEMO_SERVICE_HOURS } from './demo-service-hours.ts';

export const SERVICE_HOURS_KEY = 'service_hours';
const CACHE_MS = 5_000;

/** Open every hour of every day: what a stored value that no longer validates falls back to, so handoffs still queue. */
export const ALWAYS_OPEN: ServiceHours = v.parse(ServiceHoursSchema, {
  default: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [{ from: '00:00', to: '24:00' }]])),
});

const cache = new WeakMap<Storage, { value: ServiceHours; readAt: number }>();

/** Validates service hours from any source; bad input throws `bad_request` naming the field. */
export function parseServiceHours(input: unknown): ServiceHours {
  const parsed = v.safeParse(ServiceHoursSchema, input);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  throw new KefuError('bad_request', `${path ? `${path}: ` : ''}${issue.message}`);
}

/** The stored service hours, storing the demo ones first when there are none. */
export async function readServiceHours(storage: Storage, onInvalid?: (message: string) => void): Promise<ServiceHours> {
  const hit = cache.get(storage);
  if (hit && performance.now() - hit.readAt < CACHE_MS) return hit.value;
  const text = (await storage.getSetting(SERVICE_HOURS_KEY)) ?? (await storage.ensureSetting(SERVICE_HOURS_KEY, JSON.stringify(DEMO_SERVICE_HOURS)));
  let value: ServiceHours;
  try {
    value = parseServiceHours(JSON.parse(text));
  } catch (err) {
    onInvalid?.(`stored service hours are invalid (${(err as Error).message}); humans are treated as available at all hours`);
    value = ALWAYS_OPEN;
  }
  cache.set(storage, { value, readAt: performance.now() });
  return value;
}

/** Validates and stores; nothing is written when the input is bad. */
export async function writeServiceHours(storage: Storage, input: unknown): Promise<ServiceHours> {
  const value = parseServiceHours(input);
  await storage.setSetting(SERVICE_HOURS_KEY, JSON.stringify(value));
  cache.set(storage, { value, readAt: performance.now() });
  return value;
}
