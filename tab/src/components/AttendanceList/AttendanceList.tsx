import { Field, Input, Select, Text } from "@fluentui/react-components";
import { paragraphRange, type Attendance, type MeetingState, type Person } from "@paragraf/shared";
import { useState } from "react";
import { useCommands } from "../../app/notices";
import { useStrings } from "../../i18n/i18n";
import { useAttendanceStyles } from "./AttendanceList.styles";

type Status = Attendance["status"] | "";

/** Attendance check: present, absent or partly (from–to §), and whom a substitute stands in for. */
export function AttendanceList(props: { meeting: MeetingState; editable: boolean }) {
  const styles = useAttendanceStyles();
  const { t } = useStrings();
  const { meeting } = props;
  const present = Object.values(meeting.attendance).filter((a) => a.status !== "absent").length;
  return (
    <div className={styles.root} data-testid="attendance">
      <Text size={200}>{t.attendance.summary(present, meeting.members.length)}</Text>
      <ul className={styles.list}>
        {meeting.members.map((p) => <PersonRow key={p.id} person={p} meeting={meeting} editable={props.editable} />)}
      </ul>
    </div>
  );
}

function PersonRow(props: { person: Person; meeting: MeetingState; editable: boolean }) {
  const styles = useAttendanceStyles();
  const { t } = useStrings();
  const { run } = useCommands();
  const { person, meeting } = props;
  const current = meeting.attendance[person.id];
  const range = paragraphRange(meeting);
  const [from, setFrom] = useState(String(current?.fromParagraph ?? range?.from ?? ""));
  const [to, setTo] = useState(String(current?.toParagraph ?? range?.to ?? ""));
  const mark = (attendance: Attendance) => void run({ type: "attendance.mark", personId: person.id, attendance });
  const base = (): Partial<Attendance> => (current?.substituteFor ? { substituteFor: current.substituteFor } : {});
  const partial = (f: string, tt: string): Attendance => ({
    ...base(), status: "partial", ...(f ? { fromParagraph: Number(f) } : {}), ...(tt ? { toParagraph: Number(tt) } : {}),
  });
  const setStatus = (s: Status) => {
    if (!s) return;
    mark(s === "partial" ? partial(from, to) : { ...base(), status: s });
  };
  const label = t.attendance.statusOf(person.name);
  const statusText = current ? t.attendance[current.status] : t.attendance.unmarked;
  const isSubstitute = person.roles.includes("ersattare");
  return (
    <li className={styles.person}>
      <Text className={styles.name}>{person.name}{person.party ? ` (${person.party})` : ""}</Text>
      <Text className={styles.org}>{person.organisation}</Text>
      {props.editable ? (
        <>
          <Select aria-label={label} size="small" value={current?.status ?? ""} onChange={(_e, d) => setStatus(d.value as Status)}>
            <option value="" disabled>{t.attendance.unmarked}</option>
            <option value="present">{t.attendance.present}</option>
            <option value="absent">{t.attendance.absent}</option>
            <option value="partial">{t.attendance.partial}</option>
          </Select>
          {current?.status === "partial" && (
            <div className={styles.range}>
              <Field label={t.attendance.from} size="small">
                <Input className={styles.narrow} type="number" value={from} onChange={(_e, d) => setFrom(d.value)} onBlur={() => mark(partial(from, to))} />
              </Field>
              <Field label={t.attendance.to} size="small">
                <Input className={styles.narrow} type="number" value={to} onChange={(_e, d) => setTo(d.value)} onBlur={() => mark(partial(from, to))} />
              </Field>
            </div>
          )}
          {isSubstitute && current && current.status !== "absent" && (
            <Field label={t.attendance.substituteFor} size="small">
              <Select size="small" value={current.substituteFor ?? ""}
                onChange={(_e, d) => mark({ ...current, substituteFor: d.value || undefined })}>
                <option value="">—</option>
                {meeting.members.filter((m) => m.id !== person.id && !m.roles.includes("ersattare")).map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
              </Select>
            </Field>
          )}
        </>
      ) : (
        <Text size={200}>{statusText}{current?.status === "partial" ? ` §§ ${current.fromParagraph ?? ""}–${current.toParagraph ?? ""}` : ""}</Text>
      )}
    </li>
  );
}
