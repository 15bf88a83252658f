import { makeStyles, tokens } from "@fluentui/react-components";

export const useDevSignInStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, maxWidth: "40rem", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  user: { width: "100%", justifyContent: "flex-start", textAlign: "start", height: "auto", paddingBlock: tokens.spacingVerticalS },
  name: { display: "block", fontWeight: tokens.fontWeightSemibold },
  description: { display: "block", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
});
