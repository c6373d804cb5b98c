import type { daysFr } from './days.fr';

export const daysEn: Record<keyof typeof daysFr, string> = {
  'rule.day.allowance': '{left} day left out of {allowance} for {ref}: it cannot reach {total} days.',
  'rule.day.consultantDate': '{consultant} already has {logged} d logged on {date}, all missions together: one day at most per date.',
  'rule.day.window': '{date} is outside the programme’s period ({opensOn} – {closesOn}).',
  'rule.day.beforeStart': '{date} is before the start of mission {ref} ({startedOn}).',
  'rule.day.locked': '{ref} is “{status}”: its days are locked.',
  'rule.day.draft': '{ref} is not committed yet: commit it before logging days.',
  'rule.day.notStaffed': '{consultant} does not work on {ref}.',
  'rule.day.range': 'The requested period ({from} – {to}) spans more than {max} days.',
  'flag.day.weekend': '{date} is on a weekend.',
  'flag.day.holiday': '{date} is a public holiday ({holiday}).',
  'error.not_found.dayEntry': 'No day entry has the id “{id}”.',
};
