import { Button, Text } from "@fluentui/react-components";
import type { AssignmentLogRow, ItemContent, MeetingState } from "@paragraf/shared";
import { useEffect, useState } from "react";
import { useSession } from "../../app/session";
import { formatDate } from "../../i18n/dates";
import { useStrings } from "../../i18n/i18n";
import { useAgendaBuilderStyles } from "./AgendaBuilder.styles";

/** Open assignments from earlier meetings, due by this meeting, offered as "återkoppling av uppdrag" items. */
export function FollowUps(props: { meeting: MeetingState; onAdd: (content: ItemContent) => Promise<boolean> }) {
  const styles = useAgendaBuilderStyles();
  const { t, locale } = useStrings();
  const { api } = useSession();
  const { meeting } = props;
  const [rows, setRows] = useState<AssignmentLogRow[]>([]);
  useEffect(() => {
    const q = new URLSearchParams({ dueBefore: meeting.details.date });
    api.get<{ assignments: AssignmentLogRow[] }>(`/api/bodies/${encodeURIComponent(meeting.bodyId)}/assignments?${q}`)
      .then((r) => setRows(r.assignments.filter((a) => a.meetingId !== meeting.id)), () => setRows([]));
  }, [api, meeting.bodyId, meeting.details.date, meeting.id]);
  const pulled = new Set(meeting.items.map((i) => i.followsUpAssignmentId).filter(Boolean));
  const open = rows.filter((r) => !pulled.has(r.assignmentId));
  if (open.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="followups-h">
      <h2 className={styles.heading} id="followups-h">{t.builder.followUps}</h2>
      <ul className={styles.list}>
        {open.map((a) => (
          <li key={a.assignmentId} className={styles.row}>
            <Text>{a.owner}: {a.task}{a.due ? ` (${formatDate(a.due, locale)})` : ""}</Text>
            <Button size="small" onClick={() => void props.onAdd({
              kind: "assignmentFollowUp", title: t.builder.followUpTitle(a.task).slice(0, 300), presenters: [a.owner], background: "", attachments: [],
              followsUpAssignmentId: a.assignmentId,
            })}>{t.builder.pullIn}</Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
