import { Badge } from "@fluentui/react-components";
import { useStrings } from "../../i18n/i18n";

/** Live or offline, announced politely to screen readers when it changes. */
export function LiveIndicator(props: { online: boolean }) {
  const { t } = useStrings();
  return (
    <span role="status" aria-live="polite" data-testid="live-indicator" data-online={props.online}>
      <Badge appearance={props.online ? "tint" : "filled"} color={props.online ? "success" : "danger"} shape="rounded">
        {props.online ? t.live.online : t.live.offline}
      </Badge>
    </span>
  );
}
