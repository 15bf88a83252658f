import { makeStyles, tokens } from "@fluentui/react-components";

export const useStageStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "minmax(16rem, 1fr) 2fr",
    gap: tokens.spacingHorizontalXXL,
    padding: tokens.spacingHorizontalXXL,
    minHeight: "100%",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
    "@media (max-width: 720px)": { gridTemplateColumns: "1fr" },
  },
  top: { gridColumn: "1 / -1", display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalL, justifyContent: "space-between" },
  heading: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  agendaScroll: { maxHeight: "75vh", overflowY: "auto", paddingInline: tokens.spacingHorizontalXS },
  agenda: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "grid", gridTemplateColumns: "3.5em 1fr", gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, padding: tokens.spacingVerticalXS, borderRadius: tokens.borderRadiusMedium },
  rowCurrent: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold, outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  rowDone: { color: tokens.colorNeutralForeground2 },
  number: { fontVariantNumeric: "tabular-nums" },
  current: {
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalXXL, alignSelf: "start",
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusXLarge, boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  currentTitle: { margin: 0, fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold },
  label: { fontSize: tokens.fontSizeBase400, color: tokens.colorNeutralForeground2, textTransform: "uppercase", letterSpacing: "0.06em" },
  big: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
});
