import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text } from "@fluentui/react-components";
import { ArchiveStatusResponseSchema, type ArchiveStatus, type ArchiveStatusResponse } from "@paragraf/shared";
import { useEffect, useState } from "react";
import { ApiError } from "../../api/api-client";
import { useSession } from "../../app/session";
import { formatDateTime } from "../../i18n/dates";
import { errorText, useStrings, type Locale } from "../../i18n/i18n";
import { useAfterMeetingStyles } from "./AfterMeeting.styles";

/** How often the panel asks again while the protocol is on its way (the log's events also refresh it). */
const pollMs: Partial<Record<ArchiveStatus["state"], number>> = { queued: 10_000, filing: 10_000, retrying: 15_000 };

const timeOf = (iso: string | undefined, locale: Locale) => (iso ? formatDateTime(iso, locale) : "");

/**
 * Where the sealed protocol is on its way to the archive: queued, being filed, filed with link and
 * time, waiting for a retry (why, and when), or failed with the actionable reason and, for the
 * secretary or chair, "Försök igen". Refreshed when the meeting's log moves (sealed, filed) and
 * polled gently while the filing is under way.
 */
export function ArchiveStatusPanel(props: { meetingId: string; seq: number }) {
  const styles = useAfterMeetingStyles();
  const { t, locale } = useStrings();
  const { api } = useSession();
  const { meetingId, seq } = props;
  const [answer, setAnswer] = useState<ArchiveStatusResponse>();
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const path = `/api/meetings/${encodeURIComponent(meetingId)}/archive`;

  useEffect(() => {
    let current = true;
    api.get<unknown>(path).then(
      (json) => {
        const parsed = ArchiveStatusResponseSchema.safeParse(json);
        if (current && parsed.success) { setAnswer(parsed.data); setFailure(undefined); }
      },
      (err: unknown) => { if (current && err instanceof ApiError) setFailure(err); },
    );
    return () => { current = false; };
  }, [api, path, seq, tick]);

  const state = answer?.archive.state;
  useEffect(() => {
    const wait = state ? pollMs[state] : undefined;
    if (!wait) return;
    const timer = setTimeout(() => setTick((n) => n + 1), wait);
    return () => clearTimeout(timer);
  }, [state, answer]);

  const retry = async () => {
    setBusy(true);
    try {
      setAnswer(ArchiveStatusResponseSchema.parse(await api.send<unknown>("POST", `${path}/retry`, {})));
      setFailure(undefined);
    } catch (err) {
      if (err instanceof ApiError) setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  if (!answer || answer.archive.state === "notSealed") return failure ? <Text italic>{errorText(failure.body, locale)}</Text> : null;
  const a = answer.archive;
  return (
    <div className={styles.stack} role="group" aria-labelledby="archive-h" data-testid="archive-status" data-state={a.state}>
      <h3 className={styles.heading} id="archive-h">{t.archive.heading}</h3>
      {(a.state === "queued" || a.state === "filing") && <Spinner size="tiny" labelPosition="after" label={a.state === "queued" ? t.archive.queued : t.archive.filing} />}
      {a.state === "filed" && (
        <div className={styles.row}>
          <Text>{t.archive.filed(timeOf(a.filedAt, locale))}</Text>
          {a.url && <Link href={a.url} target="_blank" rel="noreferrer" data-testid="archive-link">{t.archive.open}</Link>}
        </div>
      )}
      {a.state === "retrying" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.archive.retrying(timeOf(a.nextRetryAt, locale))}</MessageBarTitle>
            {a.lastError?.[locale]} <span className={styles.small}>{t.archive.attempts(a.attempts)}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {a.state === "failed" && (
        <MessageBar intent="error" layout="multiline" data-testid="archive-failed">
          <MessageBarBody>
            <MessageBarTitle>{t.archive.failed}</MessageBarTitle>
            {a.lastError?.[locale] ?? (a.permanent ? "" : t.archive.gaveUp)}
          </MessageBarBody>
          {answer.canRetry && (
            <MessageBarActions>
              <Button appearance="primary" size="small" disabled={busy} onClick={() => void retry()}>{t.archive.retry}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {failure && <Text italic>{errorText(failure.body, locale)}</Text>}
    </div>
  );
}
