import { dateLocale } from '../../i18n/locale';

/** A due date (YYYY-MM-DD, a day not a moment) as the reader writes dates. */
export function dueDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}
