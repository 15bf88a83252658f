import { makeStyles, tokens } from "@fluentui/react-components";

export const useSidePanelStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalS, maxWidth: "60rem" },
  controls: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  readOnly: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  none: { padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  accordion: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
});
