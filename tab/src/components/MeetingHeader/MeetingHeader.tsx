import { Text } from "@fluentui/react-components";
import { paragraphRange, type MeetingRole, type MeetingState } from "@paragraf/shared";
import { formatDate } from "../../i18n/dates";
import { useStrings } from "../../i18n/i18n";
import { LiveIndicator } from "../LiveIndicator/LiveIndicator";
import { MeetingStatusChip } from "../StatusChip/StatusChip";
import { useMeetingHeaderStyles } from "./MeetingHeader.styles";

/** Body, date, paragraph range, status, live state and the caller's roles. */
export function MeetingHeader(props: { meeting: MeetingState; online: boolean; roles: ReadonlySet<MeetingRole> }) {
  const styles = useMeetingHeaderStyles();
  const { t, locale } = useStrings();
  const m = props.meeting;
  const range = paragraphRange(m);
  const time = `${m.details.startTime}${m.details.endTime ? `–${m.details.endTime}` : ""}`;
  return (
    <header className={styles.root}>
      <h1 className={styles.title}>{m.bodyName}</h1>
      <div className={styles.meta}>
        <Text size={200} data-testid="meeting-date">{formatDate(m.details.date, locale)} {time}</Text>
        {range && <Text size={200}>{t.meeting.paragraphs(range.from, range.to)}</Text>}
        {m.details.dnr && <Text size={200}>{m.details.dnr}</Text>}
      </div>
      <div className={styles.meta}>
        <MeetingStatusChip status={m.status} />
        <LiveIndicator online={props.online} />
        <Text size={200} data-testid="my-roles">{t.meeting.myRoles}: {[...props.roles].map((r) => t.roles[r]).join(", ")}</Text>
      </div>
    </header>
  );
}
