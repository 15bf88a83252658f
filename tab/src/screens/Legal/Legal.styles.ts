import { makeStyles, tokens } from "@fluentui/react-components";

export const useLegalStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, maxWidth: "40rem", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});
