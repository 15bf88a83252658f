import { makeStyles, tokens } from "@fluentui/react-components";

export const useAgendaListStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  row: {
    width: "100%",
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    textAlign: "start",
    justifyContent: "stretch",
    fontWeight: tokens.fontWeightRegular,
    paddingBlock: tokens.spacingVerticalXS,
    height: "auto",
    minWidth: 0,
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    color: tokens.colorNeutralForeground1Selected,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Selected, color: tokens.colorNeutralForeground1Selected },
  },
  inherit: { color: "inherit" },
  current: { fontWeight: tokens.fontWeightSemibold },
  number: { fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2, minWidth: "2.6em" },
  text: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { overflowWrap: "break-word", hyphens: "auto" },
  withdrawn: { textDecorationLine: "line-through", color: tokens.colorNeutralForeground3 },
});
