/** A Graph upload session in progress, kept durably so another process can resume it after a crash. */
export interface StoredUploadSession {
  /** The pre-authenticated upload URL Graph returned (a secret: it grants writing that one file). */
  uploadUrl: string;
  /** When Graph drops the session (ISO time). */
  expiration: string;
  /** Where the file goes: `‹driveId›/‹folderId›`, so a changed target never resumes an old session. */
  location: string;
  /** The file name the session creates. */
  fileName: string;
  /** SHA-256 of the bytes being uploaded: only the same bytes may continue the session. */
  sha256: string;
  size: number;
}

/** Durable upload sessions, one per tenant and filing job key. */
export interface UploadSessionStore {
  get(tenantId: string, jobKey: string): Promise<StoredUploadSession | undefined>;
  /** Saves (or replaces) the job's session. */
  save(tenantId: string, jobKey: string, session: StoredUploadSession): Promise<void>;
  remove(tenantId: string, jobKey: string): Promise<void>;
}
