import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useCommands } from "../../app/notices";
import { AgendaList } from "../../components/AgendaList/AgendaList";
import { AttendanceList } from "../../components/AttendanceList/AttendanceList";
import { ItemDetail } from "../../components/ItemDetail/ItemDetail";
import { NoticeBar } from "../../components/NoticeBar/NoticeBar";
import { ShareToStage } from "../../components/ShareToStage/ShareToStage";
import { useStrings } from "../../i18n/i18n";
import type { MeetingViewProps } from "../MeetingShell/MeetingShell";
import { useSidePanelStyles } from "./SidePanel.styles";

/**
 * The side panel during the meeting (~320 px): the current item (or the one chosen), the agenda with
 * status chips and attendance. Chair and secretary get the controls; everyone else reads, live.
 */
export function SidePanel({ meeting, snapshot }: MeetingViewProps) {
  const styles = useSidePanelStyles();
  const { t } = useStrings();
  const { run, busy } = useCommands();
  const [chosen, setChosen] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const selectedId = chosen ?? meeting.currentItemId;
  const item = meeting.items.find((i) => i.id === selectedId);
  const editor = snapshot.canEdit;
  return (
    <div className={styles.root} data-testid="side-panel" data-seq={snapshot.seq}>
      <NoticeBar />
      {!editor && <Text className={styles.readOnly} data-testid="read-only">{t.meeting.readOnly}</Text>}
      <div className={styles.controls}><ShareToStage meetingId={meeting.id} /></div>
      {editor && (meeting.status === "planned" || meeting.status === "open") && (
        <div className={styles.controls}>
          {meeting.status === "planned" && <Button appearance="primary" disabled={busy} onClick={() => void run({ type: "meeting.open" })}>{t.meeting.openMeeting}</Button>}
          {meeting.status === "open" && (
            confirming ? (
              <>
                <Text>{t.meeting.confirmClose}</Text>
                <Button appearance="primary" disabled={busy} onClick={() => { setConfirming(false); void run({ type: "meeting.close" }); }}>{t.meeting.closeMeeting}</Button>
                <Button onClick={() => setConfirming(false)}>{t.builder.cancel}</Button>
              </>
            ) : <Button disabled={busy} onClick={() => setConfirming(true)}>{t.meeting.closeMeeting}</Button>
          )}
        </div>
      )}
      {item ? (
        <ItemDetail meeting={meeting} item={item} canEdit={editor} online={snapshot.online} />
      ) : (
        <Text className={styles.none}>{t.agenda.noCurrent}</Text>
      )}
      <Accordion multiple collapsible defaultOpenItems={["agenda"]} className={styles.accordion}>
        <AccordionItem value="agenda">
          <AccordionHeader as="h2" size="small">{t.agenda.title}</AccordionHeader>
          <AccordionPanel>
            <AgendaList meeting={meeting} selectedId={selectedId} onSelect={(id) => setChosen(id === meeting.currentItemId ? undefined : id)} />
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="attendance">
          <AccordionHeader as="h2" size="small">{t.attendance.heading}</AccordionHeader>
          <AccordionPanel>
            <AttendanceList meeting={meeting} editable={editor && meeting.status !== "inJustering"} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
