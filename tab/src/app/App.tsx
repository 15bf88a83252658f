import {
  FluentProvider, Spinner, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme,
} from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { DevBar } from "../components/DevBar/DevBar";
import { ErrorBoundary } from "../components/ErrorBoundary/ErrorBoundary";
import { ErrorState } from "../components/ErrorState/ErrorState";
import { forgetDevUser } from "../host/dev-auth";
import type { HostTheme } from "../host/teams-host";
import { I18nProvider, localeFrom, useStrings, type Locale } from "../i18n/i18n";
import { DevSignIn } from "../screens/DevSignIn/DevSignIn";
import { MeetingShell } from "../screens/MeetingShell/MeetingShell";
import { useAppStyles } from "./App.styles";
import { initialPrefs, rememberPref } from "./prefs";
import { boot, type Boot } from "./boot";
import { SessionContext } from "./session";

const Config = lazy(() => import("../screens/Config/Config").then((m) => ({ default: m.Config })));
const Legal = lazy(() => import("../screens/Legal/Legal").then((m) => ({ default: m.Legal })));

const themes: Record<HostTheme, Theme> = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

/** The tab: host connection, theme, language, sign-in and the page for the current path. */
export function App(props: { booting?: Promise<Boot> }) {
  const styles = useAppStyles();
  const params = new URLSearchParams(location.search);
  const prefs = initialPrefs(params);
  const [theme, setTheme] = useState<HostTheme>(prefs.theme);
  const [locale, setLocale] = useState<Locale>(prefs.locale);
  const [state, setState] = useState<Boot>({ phase: "booting" });
  const path = location.pathname;

  const first = useRef(props.booting);
  const start = useCallback(() => {
    setState({ phase: "booting" });
    const booting = first.current ?? boot(new URLSearchParams(location.search));
    first.current = undefined;
    booting.then(
      (b) => {
        if (b.phase === "ready" && b.session.teams) {
          const teams = b.session.teams;
          setTheme(teams.theme);
          if (teams.locale) setLocale(localeFrom(teams.locale));
          teams.onThemeChange(setTheme);
        }
        setState(b);
      },
      (error: unknown) => setState({ phase: "error", error }),
    );
  }, []);
  useEffect(start, [start]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const chooseUser = (userId: string) => {
    const url = new URL(location.href);
    url.searchParams.set("devUser", userId);
    history.replaceState(null, "", url);
    start();
  };
  const signOut = () => {
    forgetDevUser();
    const url = new URL(location.href);
    url.searchParams.delete("devUser");
    history.replaceState(null, "", url);
    start();
  };

  const legal = path === "/privacy" || path === "/terms";
  const dev = state.phase === "signIn" || state.phase === "noSignIn" || (state.phase === "ready" && state.session.mode === "dev");
  return (
    <FluentProvider theme={themes[theme]} className={styles.provider} dir="ltr" data-theme={theme}>
      <I18nProvider locale={locale}>
        {dev && !(path === "/stage") && (
          <DevBar
            user={state.phase === "ready" ? state.devUser : undefined}
            theme={theme}
            locale={locale}
            onTheme={(t) => { setTheme(t); rememberPref("theme", t); }}
            onLocale={(l) => { setLocale(l); rememberPref("lang", l); }}
            onSwitchUser={state.phase === "ready" ? signOut : undefined}
          />
        )}
        <ErrorBoundary>
          <Suspense fallback={<Spinner className={styles.centre} />}>
            {legal ? (
              <Legal page={path === "/privacy" ? "privacy" : "terms"} />
            ) : state.phase === "booting" ? (
              <Loading />
            ) : state.phase === "error" ? (
              <ErrorState error={state.error} onRetry={start} />
            ) : state.phase === "noSignIn" ? (
              <DevSignIn users={[]} onChoose={chooseUser} />
            ) : state.phase === "signIn" ? (
              <DevSignIn users={state.users} onChoose={chooseUser} />
            ) : (
              <SessionContext.Provider value={state.session}>
                {path === "/config" ? <Config /> : <MeetingShell stageOnly={path === "/stage"} />}
              </SessionContext.Provider>
            )}
          </Suspense>
        </ErrorBoundary>
      </I18nProvider>
    </FluentProvider>
  );
}

function Loading() {
  const styles = useAppStyles();
  const { t } = useStrings();
  return <div className={styles.centre}><Spinner labelPosition="below" label={t.loading} /></div>;
}
