import { makeStyles, tokens } from "@fluentui/react-components";

export const useAfterMeetingStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM, maxWidth: "70rem" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, boxShadow: tokens.shadow2, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "end" },
  tableWrap: { overflowX: "auto" },
  preview: { width: "100%", minHeight: "32rem", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: "#ffffff" },
  colDate: { width: "7.5rem" },
  colParagraph: { width: "4rem" },
  colOutcome: { width: "11rem" },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});
