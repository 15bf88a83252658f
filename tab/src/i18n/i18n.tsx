import { createContext, useContext, type ReactNode } from "react";
import { sv, type Strings } from "./strings";
import { en } from "./strings-en";

/** The UI languages: Swedish first, English available. */
export type Locale = "sv" | "en";

const catalogues: Record<Locale, Strings> = { sv, en };

/** Picks the UI language from a Teams or browser locale tag ("sv-SE", "en-GB"); Swedish unless English is asked for. */
export function localeFrom(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith("en") ? "en" : "sv";
}

const I18nContext = createContext<{ locale: Locale; t: Strings }>({ locale: "sv", t: sv });

/** Provides the catalogue of one language to the screens below it. */
export function I18nProvider(props: { locale: Locale; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale: props.locale, t: catalogues[props.locale] }}>{props.children}</I18nContext.Provider>;
}

/** The current language's strings and its tag. */
export function useStrings(): { locale: Locale; t: Strings } {
  return useContext(I18nContext);
}

/** Domain error text (sv/en from the API) in the current language. */
export function messageOf(message: { sv: string; en: string }, locale: Locale): string {
  return message[locale];
}
