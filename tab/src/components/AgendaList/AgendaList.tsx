import { Button, mergeClasses } from "@fluentui/react-components";
import { paragraphNumbers, type MeetingState } from "@paragraf/shared";
import { ItemStatusChip } from "../StatusChip/StatusChip";
import { useAgendaListStyles } from "./AgendaList.styles";

/** The agenda with paragraph numbers and status chips (pending items carry none); choosing a row selects that item. */
export function AgendaList(props: { meeting: MeetingState; selectedId?: string; onSelect: (itemId: string) => void }) {
  const styles = useAgendaListStyles();
  const numbers = paragraphNumbers(props.meeting);
  return (
    <ol className={styles.list} data-testid="agenda-list">
      {props.meeting.items.map((item) => {
        const n = numbers.get(item.id);
        const current = item.status === "current";
        return (
          <li key={item.id} aria-current={current ? "step" : undefined}>
            <Button
              appearance="subtle"
              className={mergeClasses(styles.row, current && styles.current, props.selectedId === item.id && styles.selected)}
              aria-pressed={props.selectedId === item.id}
              onClick={() => props.onSelect(item.id)}
              data-item={item.id}
            >
              <span className={mergeClasses(styles.number, props.selectedId === item.id && styles.inherit)}>{n !== undefined ? `§ ${n}` : ""}</span>
              <span className={styles.text}>
                <span className={mergeClasses(styles.title, item.status === "withdrawn" && styles.withdrawn)}>{item.title}</span>
                {item.status !== "pending" && <span><ItemStatusChip status={item.status} size="small" /></span>}
              </span>
            </Button>
          </li>
        );
      })}
    </ol>
  );
}
