import { Link, Spinner, Text, Title2 } from "@fluentui/react-components";
import type { Body, MeetingStatus } from "@paragraf/shared";
import { useEffect, useState } from "react";
import { useSession } from "../../app/session";
import { ErrorState } from "../../components/ErrorState/ErrorState";
import { MeetingStatusChip } from "../../components/StatusChip/StatusChip";
import { formatDate } from "../../i18n/dates";
import { useStrings } from "../../i18n/i18n";
import { useMeetingPickerStyles } from "./MeetingPicker.styles";
import { NewMeeting } from "./NewMeeting";

interface Row { meetingId: string; bodyName: string; title: string | null; date: string; startTime: string; status: MeetingStatus }

/** Lists the meetings of the caller's bodies (or of `?body=`); opens one directly when there is only one (unless `autoOpen` is false). */
export function MeetingPicker(props: { bodyId?: string; onPick: (meetingId: string) => void; autoOpen?: boolean }) {
  const styles = useMeetingPickerStyles();
  const { api } = useSession();
  const { t, locale } = useStrings();
  const [rows, setRows] = useState<Row[] | undefined>();
  const [bodies, setBodies] = useState<Body[]>([]);
  const [error, setError] = useState<unknown>();
  const { onPick, bodyId } = props;
  const autoOpen = props.autoOpen ?? true;

  useEffect(() => {
    (async () => {
      const { bodies } = await api.get<{ bodies: Body[] }>("/api/bodies");
      const chosen = bodyId ? bodies.filter((b) => b.id === bodyId) : bodies;
      setBodies(chosen);
      const lists = await Promise.all(chosen.map(async (b) => {
        const { meetings } = await api.get<{ meetings: Omit<Row, "bodyName">[] }>(`/api/bodies/${encodeURIComponent(b.id)}/meetings`);
        return meetings.map((m) => ({ ...m, bodyName: b.name }));
      }));
      const all = lists.flat().sort((a, b) => b.date.localeCompare(a.date));
      if (all.length === 1 && autoOpen) onPick(all[0]!.meetingId);
      setRows(all);
    })().catch(setError);
  }, [api, bodyId, onPick, autoOpen]);

  if (error) return <ErrorState error={error} />;
  if (!rows) return <Spinner label={t.loading} />;
  return (
    <main className={styles.root}>
      <Title2 as="h1">{t.meeting.pickMeeting}</Title2>
      {rows.length === 0 && <Text>{t.meeting.noMeeting}</Text>}
      <ul className={styles.list}>
        {rows.map((r) => (
          <li key={r.meetingId} className={styles.link}>
            <Link href={`?meeting=${encodeURIComponent(r.meetingId)}`} onClick={(e) => { e.preventDefault(); onPick(r.meetingId); }}>
              {r.bodyName} {r.title && r.title !== r.bodyName ? `— ${r.title}` : ""} {formatDate(r.date, locale)} {r.startTime}
            </Link>
            <MeetingStatusChip status={r.status} />
          </li>
        ))}
      </ul>
      {bodies.length > 0 && <NewMeeting bodies={bodies} onCreated={onPick} />}
    </main>
  );
}
