import { Button, Field, Input, Select, Text } from "@fluentui/react-components";
import { isDecidingMember, type AgendaItem, type MeetingState } from "@paragraf/shared";
import { useState } from "react";
import { useCommands } from "../../app/notices";
import { useStrings } from "../../i18n/i18n";
import { useReservationsStyles } from "./ReservationsEditor.styles";

/** Reservations (dissent) and jäv (conflict of interest) on an item. */
export function ReservationsEditor(props: { meeting: MeetingState; item: AgendaItem; editable: boolean }) {
  const styles = useReservationsStyles();
  const { t } = useStrings();
  const { run } = useCommands();
  const { meeting, item } = props;
  const [personId, setPersonId] = useState("");
  const [motivation, setMotivation] = useState("");
  const nameOf = (id: string) => meeting.members.find((p) => p.id === id)?.name ?? id;
  const note = motivation.trim() || undefined;
  const done = (ok: boolean) => {
    if (ok) {
      setPersonId("");
      setMotivation("");
    }
  };
  const person = meeting.members.find((p) => p.id === personId);
  const entries = [
    ...item.reservations.map((r) => ({ personId: r.personId, text: t.reservations.reserved(nameOf(r.personId)), note: r.motivation, kind: "reservation" as const })),
    ...item.conflicts.map((c) => ({ personId: c.personId, text: t.reservations.conflicted(nameOf(c.personId)), note: c.note, kind: "conflict" as const })),
  ];
  return (
    <div className={styles.root} data-testid="reservations">
      {entries.length === 0 ? <Text size={200} italic>{t.reservations.none}</Text> : (
        <ul className={styles.list}>
          {entries.map((e) => (
            <li key={`${e.kind}-${e.personId}`} className={styles.entry}>
              <Text size={200}>{e.text}{e.note ? ` — ${e.note}` : ""}</Text>
              {props.editable && (
                <Button size="small" appearance="subtle" aria-label={t.reservations.withdraw(nameOf(e.personId))} onClick={() => void run(e.kind === "reservation"
                  ? { type: "reservation.withdraw", itemId: item.id, personId: e.personId }
                  : { type: "conflict.withdraw", itemId: item.id, personId: e.personId })}>
                  {t.assignments.removeShort}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.editable && (
        <div className={styles.form}>
          <Field label={t.reservations.person} size="small">
            <Select value={personId} onChange={(_e, d) => setPersonId(d.value)}>
              <option value="">—</option>
              {meeting.members.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </Select>
          </Field>
          <Field label={t.reservations.motivation} size="small">
            <Input value={motivation} onChange={(_e, d) => setMotivation(d.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button size="small" disabled={!person || !isDecidingMember(person)}
              onClick={() => void run({ type: "reservation.record", itemId: item.id, reservation: { personId, motivation: note } }).then((r) => done(r.ok))}>
              {t.reservations.addReservation}
            </Button>
            <Button size="small" disabled={!person}
              onClick={() => void run({ type: "conflict.declare", itemId: item.id, conflict: { personId, note } }).then((r) => done(r.ok))}>
              {t.reservations.addConflict}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
