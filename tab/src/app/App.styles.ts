import { makeStyles, tokens } from "@fluentui/react-components";

export const useAppStyles = makeStyles({
  provider: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    display: "flex",
    flexDirection: "column",
  },
  centre: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    justifyContent: "center",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXXL,
    minHeight: "50vh",
  },
});
