import { mergeClasses, Text } from "@fluentui/react-components";
import type { Decision } from "@paragraf/shared";
import { formatDate } from "../../i18n/dates";
import { useStrings } from "../../i18n/i18n";
import { useDecisionViewStyles } from "./DecisionView.styles";

/** A decision as the protocol will read: "<body> beslutar att …", or the outcome with its motivation. */
export function DecisionView(props: { bodyName: string; decision?: Decision; large?: boolean }) {
  const styles = useDecisionViewStyles();
  const { t, locale } = useStrings();
  const d = props.decision;
  const size = props.large ? styles.large : undefined;
  if (!d) return <Text className={size} italic>{t.decision.none}</Text>;
  const lead = d.outcome === "decided" ? t.decision.bodyDecides(props.bodyName) : t.outcome[d.outcome];
  return (
    <div className={mergeClasses(styles.root, size)} data-testid="decision-view">
      <Text className={mergeClasses(styles.lead, size)}>{lead}</Text>
      {d.clauses.length > 0 && (
        <ul className={styles.clauses}>
          {d.clauses.map((c, i) => <li key={i}><Text className={size}>{t.decision.att} {c}</Text></li>)}
        </ul>
      )}
      {d.motivation && <Text className={size}>{t.decision.motivation}: {d.motivation}</Text>}
      {d.recipient && <Text className={size}>{t.decision.recipient}: {d.recipient}</Text>}
      {d.followUpDate && <Text className={size}>{t.decision.followUp}: {formatDate(d.followUpDate, locale)}</Text>}
    </div>
  );
}
