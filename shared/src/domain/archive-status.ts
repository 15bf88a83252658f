import type { ArchiveStatus, JobFailureReason } from "../contracts/api";
import type { MeetingState } from "./meeting-types";

/**
 * What people are told when filing a sealed protocol fails, by code. Adapters throw a
 * PermanentJobError (or RetryableJobError) with one of these as its reason; the tab and the bot
 * show it as it stands, so each says what happened and what to do.
 */
export const archiveFailureReasons = {
  accessDenied: {
    code: "accessDenied",
    sv: "Paragraf saknar behörighet att spara i dokumentbiblioteket. Be en administratör ge appen behörighet (Sites.Selected med skrivrätt till teamets webbplats, eller Sites.ReadWrite.All) och välj sedan Försök igen.",
    en: "Paragraf is not allowed to save in the document library. Ask an administrator to grant the app permission (Sites.Selected with write access to the team's site, or Sites.ReadWrite.All), then choose Try again.",
  },
  libraryNotFound: {
    code: "libraryNotFound",
    sv: "Dokumentbiblioteket som protokollet ska arkiveras i finns inte längre. Be en administratör kontrollera arkivinställningen och välj sedan Försök igen.",
    en: "The document library the protocol is filed in no longer exists. Ask an administrator to check the archive setting, then choose Try again.",
  },
  archiveNotWritable: {
    code: "archiveNotWritable",
    sv: "Paragraf kan inte skriva i arkivmappen på servern. Be en administratör kontrollera mappen (DATA_DIR/archive) och välj sedan Försök igen.",
    en: "Paragraf cannot write to the archive folder on the server. Ask an administrator to check the folder (DATA_DIR/archive), then choose Try again.",
  },
  hashMismatch: {
    code: "hashMismatch",
    sv: "Det justerade protokollet går inte längre att återskapa med samma kontrollsumma och har därför inte arkiverats. Kontakta supporten.",
    en: "The sealed protocol no longer rebuilds to the same checksum, so it was not filed. Contact support.",
  },
  unavailable: {
    code: "unavailable",
    sv: "Arkivet svarade inte. Paragraf försöker igen automatiskt.",
    en: "The archive did not answer. Paragraf will try again automatically.",
  },
  gaveUp: {
    code: "gaveUp",
    sv: "Arkivet svarade inte trots upprepade försök. Kontrollera arkivet och välj Försök igen.",
    en: "The archive did not answer despite repeated attempts. Check the archive and choose Try again.",
  },
  failed: {
    code: "failed",
    sv: "Protokollet kunde inte arkiveras. Be en administratör se efter i tjänstens logg och välj sedan Försök igen.",
    en: "The protocol could not be filed. Ask an administrator to look in the service's log, then choose Try again.",
  },
} as const satisfies Record<string, JobFailureReason>;

/** The filing job's outbox row, as far as the status needs it. */
export interface FilingJobView {
  status: "pending" | "done" | "failed";
  attempts: number;
  runAt: Date;
  lockedUntil?: Date;
  /** The last recorded failure, if any. */
  failure?: { message: string; permanent: boolean; reason?: JobFailureReason };
}

/**
 * The archive status of a meeting from its state and its `protocol.file` job (pure): filed once the
 * log says so; before that what the job row says — queued, held by a worker now (filing), waiting
 * for a retry after a failure, or stopped (failed).
 */
export function deriveArchiveStatus(state: Pick<MeetingState, "status" | "protocol">, job: FilingJobView | undefined, now: Date): ArchiveStatus {
  const version = state.protocol.version;
  const attempts = job?.attempts ?? 0;
  const filed = state.protocol.filed;
  if (state.status === "filed" && filed) return { state: "filed", version, url: filed.url, filedAt: filed.at, attempts };
  if (state.status !== "sealed") return { state: "notSealed", version, attempts: 0 };
  if (!job) return { state: "queued", version, attempts: 0 };
  const failure = job.failure;
  const detail = failure ? { detail: failure.message.slice(0, 2000) } : {};
  if (job.status === "failed") {
    const permanent = failure?.permanent ?? false;
    const reason = failure?.reason ?? (permanent ? archiveFailureReasons.failed : archiveFailureReasons.gaveUp);
    return { state: "failed", version, attempts, lastError: { ...reason, ...detail }, permanent };
  }
  if (job.status === "done" || (job.lockedUntil && job.lockedUntil > now)) return { state: "filing", version, attempts };
  if (failure) {
    return { state: "retrying", version, attempts, lastError: { ...(failure.reason ?? archiveFailureReasons.unavailable), ...detail }, nextRetryAt: job.runAt.toISOString() };
  }
  return { state: "queued", version, attempts };
}
