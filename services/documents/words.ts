// Words every document of the package uses alike (PDFs, HTML, timesheets): one wording per fact.
import { formatLongDate, publicHolidayOn } from '../../core/calendar';
import type { EngagementFile, PackageDay } from '../../core/closingPackage';
import type { Locale } from '../../core/domain';
import { translate } from '../../core/i18n';

/** Consultant names by id; a day whose consultant is not listed shows the id rather than nothing. */
export function consultantNames(file: EngagementFile): (consultantId: string) => string {
  const names = new Map(file.engagement.consultants.map((consultant) => [consultant.id, consultant.name]));
  return (consultantId) => names.get(consultantId) ?? consultantId;
}

/** Why a day stands out: « Week-end », « Jour férié : Lundi de Pâques », or '' — joined by `separator`. */
export function dayNote(day: PackageDay, locale: Locale, separator = ', '): string {
  return day.flags
    .map((flag) => {
      const holiday = flag === 'public_holiday' ? publicHolidayOn(day.date) : null;
      return holiday ? translate(locale, 'doc.days.holiday', { holiday: translate(locale, `holiday.${holiday}`) }) : translate(locale, `flag.${flag}`);
    })
    .join(separator);
}

/** A share in basis points as a percentage: 8000 → `80`, 8050 → `80,5` (fr) or `80.5` (en). */
export function formatPercent(basisPoints: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2, useGrouping: false }).format(basisPoints / 100);
}

/** « du 14 février 2022 au 27 mai 2022 ». */
export function periodText(from: string, to: string, locale: Locale): string {
  return translate(locale, 'doc.mission.period.value', { from: formatLongDate(from, locale), to: formatLongDate(to, locale) });
}
