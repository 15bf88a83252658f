import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text, Title2 } from "@fluentui/react-components";
import { Limits, type Body } from "@paragraf/shared";
import { useEffect, useRef, useState } from "react";
import { useSession } from "../../app/session";
import { findLinkedMeeting, linkTeamsMeeting, teamsMeetingOf } from "../../app/teams-link";
import { ErrorState } from "../../components/ErrorState/ErrorState";
import { formatDate } from "../../i18n/dates";
import { useStrings } from "../../i18n/i18n";
import { useConfigStyles } from "./Config.styles";

/** The tab's address for a body, and for one of its meetings when chosen: the meeting pages. */
export const contentUrlFor = (bodyId: string, meetingId?: string) =>
  `${location.origin}/?body=${encodeURIComponent(bodyId)}${meetingId ? `&meeting=${encodeURIComponent(meetingId)}` : ""}`;

interface MeetingRow { meetingId: string; title: string | null; date: string; startTime: string }

/**
 * The configurable tab's settings page (`pages.config`): pick the body the tab belongs to or create one.
 * In a Teams meeting it also picks the body's meeting held there: saving links the meeting chat to it
 * (so the bot and every tab of the meeting find it) and puts the meeting in the content URL. The saved
 * content URL serves the side panel, stage, chat and details tabs alike; the page picks its view from the frame.
 */
export function Config() {
  const styles = useConfigStyles();
  const { t, locale } = useStrings();
  const { api, teams } = useSession();
  const inMeeting = teamsMeetingOf(teams) !== undefined;
  const [bodies, setBodies] = useState<Body[]>();
  const [meetings, setMeetings] = useState<MeetingRow[]>();
  const [error, setError] = useState<unknown>();
  const [selected, setSelected] = useState("");
  const [meetingId, setMeetingId] = useState("");
  const [name, setName] = useState("");
  const chosen = useRef({ bodyId: "", meetingId: "" });
  chosen.current = { bodyId: selected, meetingId };

  useEffect(() => {
    (async () => {
      const [{ bodies }, link] = await Promise.all([api.get<{ bodies: Body[] }>("/api/bodies"), inMeeting ? findLinkedMeeting(api, teams) : undefined]);
      setBodies(bodies);
      if (link) {
        setSelected(link.bodyId);
        setMeetingId(link.meetingId);
      } else if (bodies.length === 1) setSelected(bodies[0]!.id);
    })().catch(setError);
  }, [api, teams, inMeeting]);
  useEffect(() => {
    if (!inMeeting || !selected) return;
    setMeetings(undefined);
    api.get<{ meetings: MeetingRow[] }>(`/api/bodies/${encodeURIComponent(selected)}/meetings`).then(
      (r) => setMeetings([...r.meetings].sort((a, b) => a.date.localeCompare(b.date))), setError);
  }, [api, inMeeting, selected]);
  useEffect(() => {
    teams?.config?.onSave(async () => {
      const { bodyId, meetingId: meeting } = chosen.current;
      if (meeting) await linkTeamsMeeting(api, teams, meeting);
      const url = contentUrlFor(bodyId, meeting || undefined);
      return { contentUrl: url, websiteUrl: url, entityId: `paragraf-${bodyId}`, suggestedDisplayName: t.appName };
    });
  }, [api, teams, t.appName]);
  useEffect(() => teams?.config?.setValid(selected !== ""), [teams, selected]);

  const chooseBody = (id: string) => {
    setSelected(id);
    setMeetingId("");
  };
  const create = async () => {
    try {
      const { body } = await api.send<{ body: Body }>("POST", "/api/bodies", { name: name.trim() });
      setBodies((b) => [...(b ?? []), body]);
      chooseBody(body.id);
      setName("");
    } catch (err) {
      setError(err);
    }
  };

  return (
    <main className={styles.root} data-testid="config">
      <Title2 as="h1">{t.config.title}</Title2>
      <Text>{t.config.intro}</Text>
      {error !== undefined && <ErrorState error={error} />}
      {!bodies ? <Spinner label={t.loading} /> : (
        <Field label={t.config.body}>
          <RadioGroup value={selected} onChange={(_e, d) => chooseBody(d.value)}>
            {bodies.map((b) => <Radio key={b.id} value={b.id} label={b.name} />)}
          </RadioGroup>
        </Field>
      )}
      {inMeeting && selected && (!meetings ? <Spinner label={t.loading} /> : (
        <Field label={t.teamsLink.meeting} hint={t.teamsLink.meetingHint}>
          <RadioGroup value={meetingId} onChange={(_e, d) => setMeetingId(d.value)} data-testid="config-meetings">
            {meetings.map((m) => (
              <Radio key={m.meetingId} value={m.meetingId}
                label={`${formatDate(m.date, locale)} ${m.startTime}${m.title ? ` — ${m.title}` : ""}`} />
            ))}
            <Radio value="" label={t.teamsLink.later} />
          </RadioGroup>
        </Field>
      ))}
      <div className={styles.row}>
        <Field label={t.config.newName}>
          <Input value={name} maxLength={Limits.maxNameLength} onChange={(_e, d) => setName(d.value)} />
        </Field>
        <Button disabled={!name.trim()} onClick={() => void create()}>{t.config.create}</Button>
      </div>
      {selected && (
        <MessageBar intent={teams?.config ? "success" : "info"} layout="multiline">
          <MessageBarBody>
            {teams?.config ? t.config.ready : t.config.outsideTeams}
            <div><Text weight="semibold">{t.config.contentUrl}: </Text><Text className={styles.url}>{contentUrlFor(selected, meetingId || undefined)}</Text></div>
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
