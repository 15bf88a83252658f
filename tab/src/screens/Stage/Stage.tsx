import { mergeClasses, Text } from "@fluentui/react-components";
import { paragraphNumbers } from "@paragraf/shared";
import { useCallback } from "react";
import { DecisionView } from "../../components/DecisionView/DecisionView";
import { LiveIndicator } from "../../components/LiveIndicator/LiveIndicator";
import { ItemStatusChip } from "../../components/StatusChip/StatusChip";
import { useStrings } from "../../i18n/i18n";
import type { MeetingViewProps } from "../MeetingShell/MeetingShell";
import { useStageStyles } from "./Stage.styles";

/** The shared stage: a large agenda with the current item and its decision text appearing live. */
export function Stage({ meeting, snapshot }: MeetingViewProps) {
  const styles = useStageStyles();
  const { t } = useStrings();
  const numbers = paragraphNumbers(meeting);
  const items = meeting.items.filter((i) => i.status !== "withdrawn");
  const current = meeting.items.find((i) => i.id === meeting.currentItemId);
  const next = items.find((i) => i.status === "pending");
  const scrollTo = useCallback((el: HTMLLIElement | null) => el?.scrollIntoView({ block: "nearest" }), []);
  return (
    <main className={styles.root} data-testid="stage">
      <div className={styles.top}>
        <h1 className={styles.heading}>{meeting.bodyName}</h1>
        <LiveIndicator online={snapshot.online} />
      </div>
      <section aria-label={t.agenda.title} className={styles.agendaScroll} tabIndex={0}>
        <ol className={styles.agenda}>
          {items.map((i) => (
            <li key={i.id} ref={i.status === "current" ? scrollTo : undefined} aria-current={i.status === "current" ? "step" : undefined}
              className={mergeClasses(styles.row, i.status === "current" && styles.rowCurrent, i.status !== "pending" && i.status !== "current" && styles.rowDone)}>
              <span className={styles.number}>§ {numbers.get(i.id)}</span>
              <span>{i.title} {i.status !== "pending" && i.status !== "current" && <ItemStatusChip status={i.status} size="small" />}</span>
            </li>
          ))}
        </ol>
      </section>
      <section className={styles.current} aria-live="polite" data-testid="stage-current">
        {current ? (
          <>
            <Text className={styles.label}>{t.agenda.current}</Text>
            <h2 className={styles.currentTitle}>§ {numbers.get(current.id)} {current.title}</h2>
            {current.presenters.length > 0 && <Text className={styles.big}>{t.agenda.presenters}: {current.presenters.join(", ")}</Text>}
            <DecisionView bodyName={meeting.bodyName} decision={current.decision} large />
          </>
        ) : (
          <>
            <Text className={styles.big}>{t.agenda.noCurrent}</Text>
            {next && <Text className={styles.big}>{t.stage.upNext}: § {numbers.get(next.id)} {next.title}</Text>}
          </>
        )}
      </section>
    </main>
  );
}
