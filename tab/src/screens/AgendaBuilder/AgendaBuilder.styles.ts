import { makeStyles, tokens } from "@fluentui/react-components";

export const useAgendaBuilderStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM, maxWidth: "60rem" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, boxShadow: tokens.shadow2 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  itemHead: { display: "grid", gridTemplateColumns: "3em 1fr", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  itemTitle: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "break-word" },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  withdrawn: { textDecorationLine: "line-through", color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  compact: { minWidth: 0, paddingInline: tokens.spacingHorizontalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});
