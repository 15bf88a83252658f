import { makeStyles, tokens } from "@fluentui/react-components";

export const useErrorStateStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
});
