import { makeStyles, tokens } from "@fluentui/react-components";

export const useItemFormStyles = makeStyles({
  root: { minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
  attachment: { display: "grid", gridTemplateColumns: "1fr 1fr auto", gap: tokens.spacingHorizontalS, alignItems: "end", "@media (max-width: 480px)": { gridTemplateColumns: "1fr" } },
  select: { width: "100%", minWidth: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});
