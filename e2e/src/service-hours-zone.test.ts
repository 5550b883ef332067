import { describe, expect, it } from 'vitest';
import { serviceHoursZone } from './service-hours-zone.ts';

describe('serviceHoursZone', () => {
  it('puts every hour of the day at 12:00–14:00 local time', () => {
    for (let hour = 0; hour < 24; hour++) {
      const now = new Date(Date.UTC(2026, 10, 22, hour, 30));
      const zone = serviceHoursZone(now);
      const local = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(now));
      expect(local, `${hour}:30 UTC in ${zone}`).toBe(13);
    }
  });
});
