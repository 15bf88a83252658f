import {
  foldEvents, nextFirstParagraph, planMeeting, projectMeeting, type CreateMeetingRequestSchema, type MeetingState, type StoredEvent,
} from "@paragraf/shared";
import type { z } from "zod";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { failWith } from "../http/errors";
import { actorFor } from "./actor";
import { loadBody, requireAdmin } from "./body-access";

/** Creates a meeting of a body, numbered on from the body's series for the year, with the standard agenda. */
export async function createMeeting(options: {
  deps: Deps; identity: Identity; bodyId: string; input: z.infer<typeof CreateMeetingRequestSchema>;
}): Promise<MeetingState> {
  const { deps, identity, bodyId, input } = options;
  const body = await loadBody(deps, identity, bodyId);
  requireAdmin(body, identity);
  const meetingId = input.id ?? deps.ids.next();
  if (await deps.store.meetingBody(identity.tenantId, meetingId)) failWith("duplicateId", { meetingId });
  const year = Number(input.details.date.slice(0, 4));
  const last = await deps.store.lastParagraphOfYear(identity.tenantId, bodyId, year);
  const events = planMeeting({
    body, meetingId, details: input.details, standardAgenda: input.standardAgenda,
    firstParagraph: nextFirstParagraph(last, body.settings.seriesStarts[String(year)]), newId: () => deps.ids.next(),
  });
  const now = deps.clock.now();
  const actor = actorFor(identity, body.roster);
  const stored: StoredEvent[] = events.map((event, i) => ({ seq: i + 1, at: now.toISOString(), actor, event }));
  const state = foldEvents(identity.tenantId, meetingId, stored);
  await deps.store.append({
    tenantId: identity.tenantId, meetingId, bodyId, expectedSeq: 0, actor, at: now, events, projection: projectMeeting(state),
  });
  deps.meetings.remember(state);
  return state;
}
