import type { ArchiveTarget } from "../domain/body";

/** What the filing job hands an archive: the sealed PDF and the metadata to set beside it. */
export interface ArchiveFileRequest {
  tenantId: string;
  /** The body (organ) name: the folder under the library and part of the file name. */
  bodyName: string;
  /** The meeting date, YYYY-MM-DD: its year is the folder under the body. */
  meetingDate: string;
  /** Diarienummer, when the meeting has one. */
  dnr?: string;
  /** The paragraphs the protocol covers, as printed ("§§ 46–62"), when it has any. */
  paragraphRange?: string;
  /** ISO time the protocol was sealed. */
  sealedAt: string;
  /** SHA-256 of the sealed protocol content: the hash every signatory approved. */
  hash: string;
  /** The wanted file name (`‹date› ‹body› protokoll ‹dnr›.pdf`); the archive makes it safe for its store. */
  fileName: string;
  /** The PDF bytes, identical for every rendering of the same sealed version. */
  bytes: Uint8Array;
  /** The body's own archive target, overriding the service's configured one (SharePoint only). */
  target?: ArchiveTarget;
  /**
   * The filing job's idempotency key: an archive that uploads in several steps (a SharePoint upload
   * session) keeps its progress under it, so a retry after a crash resumes instead of starting over.
   */
  jobKey?: string;
}

/** Where the protocol landed. */
export interface ArchiveFileResult {
  /** A link to the filed document. */
  url: string;
  /** True when the same bytes were already filed under that name: nothing was written. */
  alreadyFiled: boolean;
  /** The name used instead of `fileName` when another document held it (never overwritten). */
  renamed?: string;
  /** Metadata columns the target library lacks, so they could not be set. */
  missingColumns?: string[];
}

/**
 * Files sealed protocols in the body's archive (a local folder, a SharePoint library).
 * Idempotent: filing the same bytes again under the same name writes nothing and reports `alreadyFiled`.
 */
export interface ProtocolArchive {
  file(request: ArchiveFileRequest): Promise<ArchiveFileResult>;
}
