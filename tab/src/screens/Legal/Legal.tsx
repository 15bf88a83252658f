import { Text, Title2 } from "@fluentui/react-components";
import { useStrings } from "../../i18n/i18n";
import { useLegalStyles } from "./Legal.styles";

/** The privacy and terms pages the app manifest links to. */
export function Legal(props: { page: "privacy" | "terms" }) {
  const styles = useLegalStyles();
  const { t } = useStrings();
  return (
    <main className={styles.root}>
      <Title2 as="h1">{props.page === "privacy" ? t.legal.privacyTitle : t.legal.termsTitle}</Title2>
      <Text>{props.page === "privacy" ? t.legal.privacy : t.legal.terms}</Text>
    </main>
  );
}
