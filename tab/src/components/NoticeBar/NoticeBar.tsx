import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useCommands } from "../../app/notices";
import { errorText, useStrings } from "../../i18n/i18n";

/** The outcome of the user's last refused action, in their language; dismissable. */
export function NoticeBar() {
  const { notice, dismiss } = useCommands();
  const { t, locale } = useStrings();
  if (!notice) return null;
  const text = notice.text ?? errorText(notice.error?.body, locale);
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid="notice">
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" size="small" onClick={dismiss}>{t.dismiss}</Button>} />
    </MessageBar>
  );
}
