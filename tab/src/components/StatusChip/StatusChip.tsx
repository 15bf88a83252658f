import { Badge } from "@fluentui/react-components";
import type { ItemStatus, MeetingStatus } from "@paragraf/shared";
import { useStrings } from "../../i18n/i18n";

const itemColor: Record<ItemStatus, "informative" | "brand" | "success" | "warning" | "subtle" | "important"> = {
  pending: "informative", current: "brand", handled: "success", tabled: "warning", referredBack: "warning", withdrawn: "subtle",
};

/** The status of an agenda item as a chip. */
export function ItemStatusChip(props: { status: ItemStatus; size?: "small" | "medium" | "large" }) {
  const { t } = useStrings();
  return (
    <Badge appearance={props.status === "current" ? "filled" : "tint"} color={itemColor[props.status]} size={props.size ?? "medium"} shape="rounded">
      {t.itemStatus[props.status]}
    </Badge>
  );
}

/** The lifecycle status of a meeting as a chip. */
export function MeetingStatusChip(props: { status: MeetingStatus }) {
  const { t } = useStrings();
  const color = props.status === "open" ? "brand" : props.status === "planned" ? "informative" : "success";
  return <Badge appearance="tint" color={color} shape="rounded">{t.meetingStatus[props.status]}</Badge>;
}
