import { archiveFailureReasons, domainErrorMessages, paragraphRange, protocolWording, type OutboxJob, type ProtocolArchive } from "@paragraf/shared";
import { z } from "zod";
import type { Deps } from "../deps";
import { DomainFailure } from "../http/errors";
import { PermanentJobError } from "../outbox/job-errors";
import type { JobContext, JobHandler } from "../outbox/outbox-worker";
import { markProtocolFiled } from "../use-cases/mark-filed";
import { renderSealedProtocolPdf } from "../use-cases/render-protocol";

const FilePayload = z.object({ meetingId: z.string(), version: z.number().int().min(1), hash: z.string() });

/** The archive's file name for a protocol: `‹date› ‹body› protokoll ‹dnr›.pdf` (the archive makes it safe). */
export function protocolFileName(options: { date: string; bodyName: string; documentType: string; dnr?: string }): string {
  return `${[options.date, options.bodyName, options.documentType, options.dnr].filter(Boolean).join(" ")}.pdf`;
}

/** A domain refusal (no such sealed version, not sealed any more) is one no retry can fix. */
async function permanentOnRefusal<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof DomainFailure) throw new PermanentJobError(`${what}: ${domainErrorMessages[err.error.code].en}`);
    throw err;
  }
}

/**
 * The `protocol.file` outbox handler: renders the sealed version (byte-stable), files it in the archive
 * and records `protocol.filed` with its link as the system actor. A retry after filing but before the
 * record files nothing twice (the archive answers `alreadyFiled`) and still records it.
 */
export function fileProtocolJobHandlers(options: { deps: Deps; archive: ProtocolArchive }): Record<string, JobHandler> {
  const { deps, archive } = options;
  return {
    "protocol.file": async (job: OutboxJob, context?: JobContext) => {
      const { meetingId, version, hash } = FilePayload.parse(job.payload);
      const state = await deps.meetings.load(job.tenantId, meetingId);
      if (!state) throw new PermanentJobError(`meeting ${meetingId} does not exist`);
      if (state.status === "filed") return;
      const rendered = await permanentOnRefusal(`rendering sealed version ${version}`, () => renderSealedProtocolPdf({ deps, tenantId: job.tenantId, meetingId, version }));
      if (!rendered.verified || rendered.hash !== hash) {
        throw new PermanentJobError(`sealed protocol version ${version} no longer rebuilds to its sealed hash ${hash}: not filed`, archiveFailureReasons.hashMismatch);
      }
      const { content, record } = rendered.document;
      const range = paragraphRange(state);
      const body = await deps.store.getBody(job.tenantId, state.bodyId);
      const result = await archive.file({
        tenantId: job.tenantId,
        bodyName: state.bodyName,
        meetingDate: state.details.date,
        dnr: state.details.dnr,
        paragraphRange: range ? protocolWording.sv.paragraphRange(range.from, range.to) : undefined,
        sealedAt: record.sealedAt ?? state.protocol.sealedAt ?? "",
        hash,
        fileName: protocolFileName({ date: state.details.date, bodyName: state.bodyName, documentType: content.documentType, dnr: state.details.dnr }),
        bytes: rendered.pdf,
        target: body?.archiveTarget,
        jobKey: job.key,
      });
      deps.log.info({ meetingId, version, url: result.url, alreadyFiled: result.alreadyFiled, renamed: result.renamed, missingColumns: result.missingColumns }, "protocol filed");
      // A run the worker gave up on (lease lost, too long) leaves the record to the run that owns the job now.
      if (context?.signal.aborted) return;
      await permanentOnRefusal("recording the filing", () => markProtocolFiled({ deps, tenantId: job.tenantId, meetingId, url: result.url }));
    },
  };
}
