import { Button, MessageBar, MessageBarBody, Title2 } from "@fluentui/react-components";
import type { DevUser } from "../../host/dev-auth";
import { useStrings } from "../../i18n/i18n";
import { useDevSignInStyles } from "./DevSignIn.styles";

/** Dev mode outside Teams: pick the demo user to act as. */
export function DevSignIn(props: { users: DevUser[]; onChoose: (userId: string) => void }) {
  const styles = useDevSignInStyles();
  const { t } = useStrings();
  return (
    <main className={styles.root}>
      <Title2 as="h1">{t.devMode.chooseUser}</Title2>
      {props.users.length === 0 ? (
        <MessageBar intent="warning"><MessageBarBody>{t.devMode.noUsers}</MessageBarBody></MessageBar>
      ) : (
        <ul className={styles.list}>
          {props.users.map((u) => (
            <li key={u.userId}>
              <Button className={styles.user} appearance="secondary" onClick={() => props.onChoose(u.userId)} data-user={u.userId}>
                <span>
                  <span className={styles.name}>{u.name}</span>
                  <span className={styles.description}>{u.description}</span>
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
