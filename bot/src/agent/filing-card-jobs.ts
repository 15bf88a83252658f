import { secretaryOf, type OutboxJob, type OutboxJobInput } from "@paragraf/shared";
import { z } from "zod";
import type { Deps } from "../deps";
import type { JobHandler } from "../outbox/outbox-worker";
import { archiveStatusOf } from "../use-cases/archive-status";
import type { CardSender } from "./card-sender";
import { filingFailedCard } from "./cards/filing-cards";

const FilingPayload = z.object({ meetingId: z.string(), version: z.number().int().min(1) });

/**
 * What follows when a `protocol.file` job stops for good (queued with the failure, atomically): the
 * justering card shows the failure, and the secretary gets a message in the meeting chat. Keyed by
 * the job and the run it failed in, so a redelivery adds nothing and a failure after a manual retry
 * is told again.
 */
export function filingGaveUpJobs(job: OutboxJob): OutboxJobInput[] {
  const payload = FilingPayload.safeParse(job.payload);
  if (!payload.success) return [];
  const { meetingId, version } = payload.data;
  const run = `${job.key}@${job.runAt.toISOString()}`;
  return [
    { kind: "card.justering", key: `card.justering:${meetingId}:filing-failed:${run}`, payload: { meetingId } },
    { kind: "card.filingFailed", key: `card.filingFailed:${run}`, payload: { meetingId, version } },
  ];
}

/** The outbox handler that tells the secretary in the meeting chat that filing failed, and why. */
export function filingCardJobHandlers(options: { deps: Deps; sender: CardSender; publicUrl: string }): Record<string, JobHandler> {
  const { deps, sender, publicUrl } = options;
  return {
    "card.filingFailed": async (job: OutboxJob) => {
      const { meetingId, version } = FilingPayload.parse(job.payload);
      const state = await deps.meetings.load(job.tenantId, meetingId);
      if (!state || state.protocol.version !== version) return;
      const archive = await archiveStatusOf({ deps, tenantId: job.tenantId, state });
      if (archive.state !== "failed") return; // retried (or filed) meanwhile: nothing to tell
      const secretary = secretaryOf(state);
      const tabUrl = `${publicUrl}/?meeting=${encodeURIComponent(meetingId)}`;
      for (const conversation of await deps.store.conversationsOfMeeting(job.tenantId, meetingId)) {
        // The secretary's Teams id, when they have spoken in this chat (see ParagrafAgent.remember).
        const users = (conversation.reference.users as Record<string, string> | undefined) ?? {};
        const teamsId = secretary?.userId ? users[secretary.userId] : undefined;
        const to = secretary ? { name: secretary.name, ...(teamsId ? { teamsId } : {}) } : undefined;
        await sender.upsert(conversation, `filingFailed:${job.key}`, filingFailedCard(state, archive, tabUrl, to));
      }
    },
  };
}
