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

/** An API error in the current language: the domain message the API sent, or the catalogue's text for no answer. */
export function errorText(error: { code: string; message: { sv: string; en: string } } | undefined, locale: Locale): string {
  const t = catalogues[locale];
  if (!error) return t.errorTitle;
  if (error.code === "network") return t.errors.network;
  return error.message[locale] || t.errorTitle;
}
