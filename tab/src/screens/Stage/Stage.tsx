import { Button, mergeClasses, Text } from "@fluentui/react-components";
import { paragraphNumbers } from "@paragraf/shared";
import { useState } from "react";
import { useSession } from "../../app/session";
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
  const { teams } = useSession();
  const [shareFailed, setShareFailed] = useState(false);
  const numbers = paragraphNumbers(meeting);
  const items = meeting.items.filter((i) => i.status !== "withdrawn");
  const current = meeting.items.find((i) => i.id === meeting.currentItemId);
  const next = items.find((i) => i.status === "pending");
  const share = teams?.shareToStage;
  return (
    <main className={styles.root} data-testid="stage">
      <div className={styles.top}>
        <h1 className={styles.heading}>{meeting.bodyName}</h1>
        <LiveIndicator online={snapshot.online} />
        {share && (
          <Button appearance="primary" onClick={() => share(`${location.origin}/stage?meeting=${encodeURIComponent(meeting.id)}`).catch(() => setShareFailed(true))}>
            {t.stage.share}
          </Button>
        )}
        {shareFailed && <Text role="alert">{t.stage.shareFailed}</Text>}
      </div>
      <section aria-label={t.agenda.title}>
        <ol className={styles.agenda}>
          {items.map((i) => (
            <li key={i.id} aria-current={i.status === "current" ? "step" : undefined}
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
