import { Button, Field, Input, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { MeetingDetailsSchema, type Body, type MeetingResponse } from "@paragraf/shared";
import { useState } from "react";
import { ApiError } from "../../api/api-client";
import { useSession } from "../../app/session";
import { errorText, useStrings } from "../../i18n/i18n";
import { useMeetingPickerStyles } from "./MeetingPicker.styles";

/**
 * Creates a meeting of a body with the standard agenda, linked to the Teams meeting and chat the tab
 * runs in (when it does); the body's paragraph series continues.
 */
export function NewMeeting(props: { bodies: Body[]; onCreated: (meetingId: string) => void }) {
  const styles = useMeetingPickerStyles();
  const { t, locale } = useStrings();
  const { api, teams } = useSession();
  const [bodyId, setBodyId] = useState(props.bodies[0]?.id ?? "");
  const [title, setTitle] = useState("");
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [startTime, setStartTime] = useState("09:00");
  const [error, setError] = useState<string>();
  const details = MeetingDetailsSchema.safeParse({
    date, startTime, ...(title.trim() ? { title: title.trim() } : {}),
    ...(teams?.meetingId ? { teamsMeetingId: teams.meetingId } : {}), ...(teams?.chatId ? { teamsChatId: teams.chatId } : {}),
  });
  const create = async () => {
    if (!details.success || !bodyId) return;
    try {
      const res = await api.send<MeetingResponse>("POST", `/api/bodies/${encodeURIComponent(bodyId)}/meetings`, { details: details.data, standardAgenda: true });
      props.onCreated((res.meeting as { id: string }).id);
    } catch (err) {
      setError(errorText(err instanceof ApiError ? err.body : undefined, locale));
    }
  };
  return (
    <form className={styles.form} onSubmit={(e) => { e.preventDefault(); void create(); }} aria-labelledby="new-meeting-h" data-testid="new-meeting">
      <h2 className={styles.heading} id="new-meeting-h">{t.meeting.newMeeting}</h2>
      {props.bodies.length > 1 && (
        <Field label={t.config.body} size="small">
          <Select value={bodyId} onChange={(_e, d) => setBodyId(d.value)}>
            {props.bodies.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </Select>
        </Field>
      )}
      <Field label={t.meeting.title} size="small"><Input value={title} onChange={(_e, d) => setTitle(d.value)} /></Field>
      <Field label={t.meeting.date} size="small" required><Input type="date" value={date} onChange={(_e, d) => setDate(d.value)} /></Field>
      <Field label={t.meeting.startTime} size="small" required><Input type="time" value={startTime} onChange={(_e, d) => setStartTime(d.value)} /></Field>
      {error && <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      <div><Button appearance="primary" type="submit" disabled={!details.success || !bodyId}>{t.meeting.create}</Button></div>
    </form>
  );
}
