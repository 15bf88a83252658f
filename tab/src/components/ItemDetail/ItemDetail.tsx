import { Button, Link, Text } from "@fluentui/react-components";
import { paragraphNumbers, type AgendaItem, type MeetingState } from "@paragraf/shared";
import { useCommands } from "../../app/notices";
import { useStrings } from "../../i18n/i18n";
import { AssignmentsEditor } from "../AssignmentsEditor/AssignmentsEditor";
import { DecisionEditor } from "../DecisionEditor/DecisionEditor";
import { DecisionView } from "../DecisionView/DecisionView";
import { ReservationsEditor } from "../ReservationsEditor/ReservationsEditor";
import { ItemStatusChip } from "../StatusChip/StatusChip";
import { useItemDetailStyles } from "./ItemDetail.styles";

const recordable = ["open", "closed", "drafted"];

/** One agenda item: what it is, its controls for the chair/secretary, its decision, uppdrag, reservations and jäv. */
export function ItemDetail(props: { meeting: MeetingState; item: AgendaItem; canEdit: boolean; online: boolean }) {
  const styles = useItemDetailStyles();
  const { t } = useStrings();
  const { run, busy } = useCommands();
  const { meeting, item } = props;
  const n = paragraphNumbers(meeting).get(item.id);
  const running = meeting.status === "open";
  const editable = props.canEdit && recordable.includes(meeting.status) && item.status !== "withdrawn";
  const decisionId = `decision-h-${item.id}`;
  return (
    <section className={styles.root} aria-labelledby={`item-h-${item.id}`} data-testid="item-detail" data-item={item.id}>
      <Text className={styles.eyebrow}>{item.status === "current" ? t.agenda.current : t.agenda.selected}</Text>
      <h2 className={styles.title} id={`item-h-${item.id}`}>{n !== undefined ? `§ ${n} ` : ""}{item.title}</h2>
      <div className={styles.meta}>
        <ItemStatusChip status={item.status} />
        <Text className={styles.small}>{t.itemKind[item.kind]}</Text>
        {item.addedDuringMeeting && <Text className={styles.small}>{t.agenda.added}</Text>}
      </div>
      {item.presenters.length > 0 && <Text className={styles.small}>{t.agenda.presenters}: {item.presenters.join(", ")}</Text>}
      {item.background && <Text className={styles.background}>{item.background}</Text>}
      {item.attachments.length > 0 && (
        <ul className={styles.attachments} aria-label={t.agenda.attachments}>
          {item.attachments.map((a, i) => <li key={i}>{a.url ? <Link href={a.url} target="_blank" rel="noreferrer">{a.title}</Link> : <Text size={200}>{a.title}</Text>}</li>)}
        </ul>
      )}
      {props.canEdit && running && item.status !== "withdrawn" && (
        <div className={styles.controls}>
          {item.status === "pending" && <Button appearance="primary" disabled={busy} onClick={() => void run({ type: "item.open", itemId: item.id })}>{t.agenda.open}</Button>}
          {item.status === "current" && <Button appearance="primary" disabled={busy} onClick={() => void run({ type: "item.close", itemId: item.id })}>{t.agenda.close}</Button>}
          {(item.status === "handled" || item.status === "tabled" || item.status === "referredBack") && (
            <Button disabled={busy} onClick={() => void run({ type: "item.reopen", itemId: item.id })}>{t.agenda.reopen}</Button>
          )}
        </div>
      )}
      <div className={styles.section}>
        <h3 className={styles.sectionTitle} id={decisionId}>{t.decision.heading}</h3>
        {editable ? <DecisionEditor key={item.id} meeting={meeting} item={item} online={props.online} /> : <DecisionView bodyName={meeting.bodyName} decision={item.decision} />}
      </div>
      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t.assignments.heading}</h3>
        <AssignmentsEditor meeting={meeting} item={item} editable={editable} />
      </div>
      <div className={styles.section}>
        <h3 className={styles.sectionTitle}>{t.reservations.heading}</h3>
        <ReservationsEditor meeting={meeting} item={item} editable={editable} />
      </div>
    </section>
  );
}
