import { Button, Select, Text } from "@fluentui/react-components";
import type { DevUser } from "../../host/dev-auth";
import type { HostTheme } from "../../host/teams-host";
import { useStrings, type Locale } from "../../i18n/i18n";
import { useDevBarStyles } from "./DevBar.styles";

/** The clearly labelled dev-mode banner: who you are, switch user, theme and language. */
export function DevBar(props: {
  user?: DevUser;
  theme: HostTheme;
  locale: Locale;
  onTheme: (t: HostTheme) => void;
  onLocale: (l: Locale) => void;
  onSwitchUser?: () => void;
}) {
  const styles = useDevBarStyles();
  const { t } = useStrings();
  return (
    <div className={styles.bar} role="region" aria-label={t.devMode.banner} data-testid="dev-bar">
      <Text className={styles.label}>{t.devMode.banner}</Text>
      {props.user && <Text>{t.devMode.signedInAs(props.user.name)}</Text>}
      <Text className={styles.detail}>{t.devMode.bannerDetail}</Text>
      <div className={styles.controls}>
        <Select size="small" aria-label={t.devMode.theme} className={styles.select} value={props.theme} onChange={(_e, d) => props.onTheme(d.value as HostTheme)}>
          {(["light", "dark", "contrast"] as const).map((k) => <option key={k} value={k}>{t.themes[k]}</option>)}
        </Select>
        <Select size="small" aria-label={t.devMode.language} className={styles.select} value={props.locale} onChange={(_e, d) => props.onLocale(d.value as Locale)}>
          {(["sv", "en"] as const).map((k) => <option key={k} value={k} lang={k}>{t.languages[k]}</option>)}
        </Select>
        {props.onSwitchUser && <Button size="small" onClick={props.onSwitchUser}>{t.devMode.switchUser}</Button>}
      </div>
    </div>
  );
}
