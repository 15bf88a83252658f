import { makeStyles, tokens } from "@fluentui/react-components";

export const useDecisionEditorStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  lead: { fontWeight: tokens.fontWeightSemibold },
  clause: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  clauseRow: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS },
  att: { paddingTop: tokens.spacingVerticalSNudge, fontStyle: "italic", color: tokens.colorNeutralForeground2 },
  grow: { flexGrow: 1, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  versions: { display: "grid", gap: tokens.spacingVerticalXS },
});
