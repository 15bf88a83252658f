import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useCommands } from "../../app/notices";
import { NoticeBar } from "../../components/NoticeBar/NoticeBar";
import { MeetingStatusChip } from "../../components/StatusChip/StatusChip";
import { formatDateTime } from "../../i18n/dates";
import { useStrings } from "../../i18n/i18n";
import type { MeetingViewProps } from "../MeetingShell/MeetingShell";
import { ArchiveStatusPanel } from "./ArchiveStatusPanel";
import { DecisionLog } from "./DecisionLog";
import { ProtocolPreview } from "./ProtocolPreview";
import { useAfterMeetingStyles } from "./AfterMeeting.styles";

/** After the meeting: protocol status (draft, justering with who has signed, sealed, filed) and the body's logs. */
export function AfterMeeting({ meeting, snapshot }: MeetingViewProps) {
  const styles = useAfterMeetingStyles();
  const { t, locale } = useStrings();
  const { run, busy } = useCommands();
  const p = meeting.protocol;
  const nameOf = (id: string) => meeting.members.find((m) => m.id === id)?.name ?? id;
  const signatureOf = (id: string) => p.signatures.find((s) => s.personId === id && s.version === p.version);
  const [hash, setHash] = useState<string>();
  const sendForJustering = () => hash && void run({ type: "protocol.sendForJustering", hash });
  return (
    <div className={styles.root} data-testid="after-meeting">
      <NoticeBar />
      <section className={styles.section} aria-labelledby="protocol-h">
        <h2 className={styles.heading} id="protocol-h">{t.after.protocol}</h2>
        <div className={styles.row}>
          <MeetingStatusChip status={meeting.status} />
          {p.version > 0 && <Text>{t.after.version(p.version)}</Text>}
        </div>
        {snapshot.canEdit && (
          <div className={styles.row}>
            {meeting.status === "closed" && <Button disabled={busy} onClick={() => void run({ type: "protocol.draft" })}>{t.after.draft}</Button>}
            {(meeting.status === "closed" || meeting.status === "drafted") && (
              <Button appearance="primary" disabled={busy || !hash} onClick={sendForJustering}>{t.after.sendForJustering}</Button>
            )}
          </div>
        )}
        {p.signatories.length > 0 && (
          <>
            <h3 className={styles.heading}>{t.after.signatories}</h3>
            <ul className={styles.list} data-testid="signatories">
              {p.signatories.map((s) => {
                const signed = signatureOf(s.personId);
                return <li key={s.personId}><Text>{nameOf(s.personId)} ({t.after.signatoryRole[s.role]}): {signed ? t.after.signed(formatDateTime(signed.at, locale)) : t.after.notSigned}</Text></li>;
              })}
            </ul>
          </>
        )}
        {p.changeRequests.length > 0 && (
          <>
            <h3 className={styles.heading}>{t.after.changeRequests}</h3>
            <ul className={styles.list}>
              {p.changeRequests.map((c, i) => <li key={i}><Text>{c.name} ({t.after.version(c.version)}): {c.comment}</Text></li>)}
            </ul>
          </>
        )}
        {(meeting.status === "sealed" || meeting.status === "filed") && <ArchiveStatusPanel meetingId={meeting.id} seq={meeting.seq} />}
      </section>
      {meeting.status !== "planned" && (
        <section className={styles.section} aria-labelledby="preview-h">
          <h2 className={styles.heading} id="preview-h">{t.after.preview}</h2>
          <ProtocolPreview meetingId={meeting.id} seq={meeting.seq} onHash={setHash} />
        </section>
      )}
      <DecisionLog bodyId={meeting.bodyId} />
    </div>
  );
}
