/** Picks a time zone in which "now" falls inside human service hours, whatever the wall clock says. */

/**
 * The demo service hours are 9:00–21:00 on workdays and 10:00–18:00 at weekends (server TZ),
 * so a test run at night would see every handoff turn into a leave-a-message ticket. The
 * server reads the zone from TZ; a fixed-offset zone where it is now about 13:00 is inside
 * the hours on every day of the week.
 */
export function serviceHoursZone(now: Date = new Date()): string {
  let offset = 13 - now.getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  // POSIX-style Etc zones have the sign inverted: Etc/GMT-8 is UTC+8.
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
