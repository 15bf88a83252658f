import { makeStyles, tokens } from "@fluentui/react-components";

export const useItemDetailStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  eyebrow: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, textTransform: "uppercase", letterSpacing: "0.04em" },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  meta: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  background: { fontSize: tokens.fontSizeBase200, whiteSpace: "pre-wrap" },
  attachments: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  controls: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
});
