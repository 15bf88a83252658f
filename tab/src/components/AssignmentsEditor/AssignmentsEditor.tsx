import { Button, Field, Input, Text } from "@fluentui/react-components";
import type { AgendaItem, MeetingState } from "@paragraf/shared";
import { useState } from "react";
import { useCommands } from "../../app/notices";
import { formatDate } from "../../i18n/dates";
import { useStrings } from "../../i18n/i18n";
import { newId } from "../../live/new-id";
import { useAssignmentsStyles } from "./AssignmentsEditor.styles";

/** Uppdrag of an item: who does what by when; editors add and remove, everyone else reads. */
export function AssignmentsEditor(props: { meeting: MeetingState; item: AgendaItem; editable: boolean }) {
  const styles = useAssignmentsStyles();
  const { t, locale } = useStrings();
  const { run } = useCommands();
  const [owner, setOwner] = useState("");
  const [task, setTask] = useState("");
  const [due, setDue] = useState("");
  const { item } = props;
  const add = async () => {
    const person = props.meeting.members.find((p) => p.name === owner.trim());
    const result = await run({
      type: "assignment.add", itemId: item.id,
      assignment: { id: newId(), owner: owner.trim(), task: task.trim(), ...(person ? { ownerPersonId: person.id } : {}), ...(due ? { due } : {}) },
    });
    if (result.ok) {
      setOwner("");
      setTask("");
      setDue("");
    }
  };
  const listId = `owners-${item.id}`;
  return (
    <div className={styles.root} data-testid="assignments">
      {item.assignments.length === 0 ? <Text size={200} italic>{t.assignments.none}</Text> : (
        <ul className={styles.list}>
          {item.assignments.map((a) => (
            <li key={a.id} className={styles.entry}>
              <Text size={200}><strong>{a.owner}</strong>: {a.task}{a.due ? ` (${t.assignments.due.toLowerCase()} ${formatDate(a.due, locale)})` : ""}</Text>
              {props.editable && (
                <Button size="small" appearance="subtle" aria-label={t.assignments.remove(a.task)}
                  onClick={() => void run({ type: "assignment.remove", itemId: item.id, assignmentId: a.id })}>
                  {t.assignments.removeShort}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.editable && (
        <div className={styles.form}>
          <Field label={t.assignments.owner} size="small">
            <Input value={owner} onChange={(_e, d) => setOwner(d.value)} list={listId} />
          </Field>
          <datalist id={listId}>{props.meeting.members.map((p) => <option key={p.id} value={p.name} />)}</datalist>
          <Field label={t.assignments.task} size="small">
            <Input value={task} onChange={(_e, d) => setTask(d.value)} />
          </Field>
          <Field label={t.assignments.due} size="small">
            <Input type="date" value={due} onChange={(_e, d) => setDue(d.value)} />
          </Field>
          <div><Button size="small" disabled={!owner.trim() || !task.trim()} onClick={() => void add()}>{t.assignments.add}</Button></div>
        </div>
      )}
    </div>
  );
}
