import type { Locale } from "./i18n";

/** BCP 47 tags for the UI languages, for Intl. */
const tags: Record<Locale, string> = { sv: "sv-SE", en: "en-GB" };

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tags[locale], options);
    cache.set(key, f);
  }
  return f;
}

/**
 * A calendar date (YYYY-MM-DD) worded in the UI language: "23 november 2026", "23 November 2026".
 * Calendar dates have no time zone, so they are formatted as UTC midnight in UTC; anything unparsable is shown as given.
 */
export function formatDate(date: string, locale: Locale, options: { weekday?: boolean } = {}): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return formatter(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC", ...(options.weekday ? { weekday: "long" } : {}) }).format(at);
}

/** A point in time (ISO timestamp) in the UI language and the browser's time zone: "23 november 2026 14:05". */
export function formatDateTime(iso: string, locale: Locale): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return formatter(locale, { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(at);
}
