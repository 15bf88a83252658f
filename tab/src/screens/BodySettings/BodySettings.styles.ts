import { makeStyles, tokens } from "@fluentui/react-components";

export const useBodySettingsStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM, maxWidth: "60rem" },
  section: {
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, margin: 0,
    backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, boxShadow: tokens.shadow2, border: "none",
  },
  subsection: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, border: "none" },
  subheading: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  people: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  personItem: { paddingBottom: tokens.spacingVerticalM, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  person: {
    display: "grid", gap: tokens.spacingHorizontalS, gridTemplateColumns: "repeat(auto-fit, minmax(12rem, 1fr))", alignItems: "start",
    margin: 0, padding: 0, border: "none",
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: 0 },
  roles: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, gridColumn: "1 / -1", border: "none", margin: 0, padding: 0 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  number: { width: "8rem" },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, width: "100%" },
});
