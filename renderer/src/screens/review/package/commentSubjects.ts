import type { ReviewDeliverable } from '../../../../../core/review';
import type { PackageDeliverable } from '../../../../../core/closingPackage';
import type { I18n } from '../../../i18n';
import { parseSubject } from './drafts';

/** « L’ensemble du dossier », « Jour du lun. 14 févr. 2022 », « Livrable « Plan d’action » ». */
export function subjectLabel(about: string, i18n: Pick<I18n, 't' | 'date'>, deliverables: readonly (ReviewDeliverable | PackageDeliverable)[]): string {
  const subject = parseSubject(about);
  if (!subject) return about;
  if (subject.kind === 'package') return i18n.t('reviewScreen.subject.package');
  if (subject.kind === 'day') return i18n.t('reviewScreen.subject.day', { date: i18n.date(subject.date) });
  const deliverable = deliverables.find((candidate) => candidate.path === subject.path);
  return i18n.t('reviewScreen.subject.deliverable', { title: deliverable?.title ?? subject.path.replace(/^deliverables\//, '') });
}
