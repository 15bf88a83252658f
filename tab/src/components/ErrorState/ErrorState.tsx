import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ApiError } from "../../api/api-client";
import { errorText, useStrings } from "../../i18n/i18n";
import { useErrorStateStyles } from "./ErrorState.styles";

/** The error state of a screen: the domain message in the user's language (never a stack) and a retry. */
export function ErrorState(props: { error: unknown; onRetry?: () => void }) {
  const styles = useErrorStateStyles();
  const { t, locale } = useStrings();
  const message = errorText(props.error instanceof ApiError ? props.error.body : undefined, locale);
  return (
    <div className={styles.root}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
          {message}
        </MessageBarBody>
      </MessageBar>
      {props.onRetry && <Button onClick={props.onRetry}>{t.retry}</Button>}
    </div>
  );
}
