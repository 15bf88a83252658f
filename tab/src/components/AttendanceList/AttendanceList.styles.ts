import { makeStyles, tokens } from "@fluentui/react-components";

export const useAttendanceStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  person: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  name: { fontWeight: tokens.fontWeightSemibold },
  org: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  range: { display: "flex", gap: tokens.spacingHorizontalS },
  narrow: { width: "5.5rem" },
});
