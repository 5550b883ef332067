/**
 * Demo service hours, written at first start when none are stored: 人工在线客服 weekdays 9:00–21:00,
 * weekends 10:00–18:00, and an EXAMPLE 2027 holiday calendar (元旦, 春节, 劳动节, 国庆 with their
 * 调休 Saturdays). The calendar is demo data, not the official one: replace it with PUT /api/service-hours.
 */
import type { ServiceHours } from '@kefu/shared';

const weekday = [{ from: '09:00', to: '21:00' }];
const weekend = [{ from: '10:00', to: '18:00' }];

/** Consecutive closed dates from `first`, `count` days, all under one name. */
function closed(first: string, count: number, name: string): { date: string; name: string }[] {
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, i) => ({ date: new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10), name }));
}

export const DEMO_SERVICE_HOURS: ServiceHours = {
  demo: true,
  default: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: weekend, sun: weekend },
  departments: {},
  holidays: [...closed('2027-01-01', 3, '元旦'), ...closed('2027-02-06', 7, '春节'), ...closed('2027-05-01', 5, '劳动节'), ...closed('2027-10-01', 7, '国庆节')],
  extraWorkdays: [
    { date: '2027-02-20', as: 'mon', name: '春节调休' },
    { date: '2027-05-08', as: 'mon', name: '劳动节调休' },
    { date: '2027-09-25', as: 'mon', name: '国庆节调休' },
    { date: '2027-10-09', as: 'mon', name: '国庆节调休' },
  ],
};
