import { makeStyles, tokens } from "@fluentui/react-components";

export const useItemFormStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
  attachment: { display: "grid", gridTemplateColumns: "1fr 1fr auto", gap: tokens.spacingHorizontalS, alignItems: "end", "@media (max-width: 480px)": { gridTemplateColumns: "1fr" } },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});
