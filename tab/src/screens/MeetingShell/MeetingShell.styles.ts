import { makeStyles, tokens } from "@fluentui/react-components";

export const useMeetingShellStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", flexGrow: 1, minHeight: 0 },
  tabs: { backgroundColor: tokens.colorNeutralBackground1, paddingInline: tokens.spacingHorizontalS, flexWrap: "wrap" },
  body: { flexGrow: 1, minHeight: 0 },
  notice: { margin: tokens.spacingHorizontalM },
  centre: { padding: tokens.spacingHorizontalXXL, display: "flex", justifyContent: "center" },
});
