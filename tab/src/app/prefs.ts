import type { HostTheme } from "../host/teams-host";
import { localeFrom, type Locale } from "../i18n/i18n";

/** The views of a meeting. */
export type View = "panel" | "stage" | "builder" | "after" | "body";

/** Display preferences from the URL (`?theme=`, `?lang=`, `?view=`) or this browser's earlier choice. */
export function initialPrefs(params: URLSearchParams): { theme: HostTheme; locale: Locale } {
  const theme = params.get("theme") ?? localStorage.getItem("paragraf:theme") ?? "light";
  const lang = params.get("lang") ?? localStorage.getItem("paragraf:lang") ?? "sv";
  return { theme: theme === "dark" || theme === "contrast" ? theme : "light", locale: localeFrom(lang) };
}

/** Remembers a display preference chosen in dev mode. */
export function rememberPref(key: "theme" | "lang", value: string): void {
  localStorage.setItem(`paragraf:${key}`, value);
}

/** A view named in the URL, if valid. */
export function viewParam(params: URLSearchParams): View | undefined {
  const v = params.get("view");
  return v === "panel" || v === "stage" || v === "builder" || v === "after" || v === "body" ? v : undefined;
}
