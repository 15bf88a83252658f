import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useSession } from "../../app/session";
import { useStrings } from "../../i18n/i18n";

/** "Share to stage" for the Teams side panel; renders nothing where the host cannot share. */
export function ShareToStage(props: { meetingId: string }) {
  const { t } = useStrings();
  const { teams } = useSession();
  const [failed, setFailed] = useState(false);
  const share = teams?.shareToStage;
  if (!share) return null;
  const url = `${location.origin}/stage?meeting=${encodeURIComponent(props.meetingId)}`;
  return (
    <>
      <Button appearance="primary" onClick={() => share(url).then(() => setFailed(false), () => setFailed(true))}>{t.stage.share}</Button>
      {failed && <Text role="alert">{t.stage.shareFailed}</Text>}
    </>
  );
}
