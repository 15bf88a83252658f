import { Spinner, Text } from "@fluentui/react-components";
import type { ProtocolHtmlResponse } from "@paragraf/shared";
import { useEffect, useState } from "react";
import { ApiError } from "../../api/api-client";
import { useSession } from "../../app/session";
import { errorText, useStrings } from "../../i18n/i18n";
import { useAfterMeetingStyles } from "./AfterMeeting.styles";

/**
 * The protocol as the service renders it (HTML preview in a sandboxed frame), refreshed as the meeting
 * changes; reports the hash that "send for justering" must name.
 */
export function ProtocolPreview(props: { meetingId: string; seq: number; onHash: (hash: string | undefined) => void }) {
  const styles = useAfterMeetingStyles();
  const { t, locale } = useStrings();
  const { api } = useSession();
  const [preview, setPreview] = useState<ProtocolHtmlResponse>();
  const [failed, setFailed] = useState<string>();
  const { meetingId, seq, onHash } = props;
  useEffect(() => {
    const timer = setTimeout(() => {
      api.get<ProtocolHtmlResponse>(`/api/meetings/${encodeURIComponent(meetingId)}/protocol?format=html&lang=${locale}`).then(
        (p) => { setPreview(p); setFailed(undefined); onHash(p.hash); },
        (err: unknown) => { setFailed(errorText(err instanceof ApiError ? err.body : undefined, locale)); onHash(undefined); },
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [api, meetingId, seq, locale, onHash]);
  if (failed) return <Text italic>{failed}</Text>;
  if (!preview) return <Spinner size="small" label={t.loading} />;
  return <iframe className={styles.preview} title={t.after.preview} sandbox="" srcDoc={preview.html} data-testid="protocol-preview" />;
}
