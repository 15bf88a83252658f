import type { Body } from "../domain/body";
import type { Actor, StoredEvent } from "../domain/events";
import { foldEvents } from "../domain/apply";
import { decide } from "../domain/decide";
import type { MeetingCommand } from "../domain/commands";
import type { MeetingState } from "../domain/meeting-types";
import { planMeeting } from "../domain/plan-meeting";

/** A small body for tests: chair, two members, a substitute, an adjungerad and a secretary, all linked to users. */
export function testBody(tenantId = "t1", overrides: Partial<Body> = {}): Body {
  return {
    id: "b1", tenantId, name: "Testnämnden", dnrPrefix: "TN", version: 1,
    roster: [
      { id: "chair", name: "Clara Ordf", organisation: "Ak kommun", roles: ["ordforande"], userId: "u-chair" },
      { id: "m1", name: "Mats Ledamot", organisation: "Bk kommun", party: "s", roles: ["ledamot"], userId: "u-m1" },
      { id: "m2", name: "Mona Ledamot", organisation: "Ck kommun", party: "m", roles: ["ledamot"], userId: "u-m2" },
      { id: "sub", name: "Sune Ersättare", organisation: "Bk kommun", roles: ["ersattare"], userId: "u-sub" },
      { id: "adj", name: "Agnes Adjungerad", organisation: "FoU", roles: ["adjungerad"], userId: "u-adj" },
      { id: "sec", name: "Siv Sekreterare", organisation: "Region", roles: ["sekreterare"], userId: "u-sec" },
    ],
    settings: {
      signatoryRule: "chairAndAdjusters", secretarySigns: true, documentType: "protokoll", justeringDays: 14, seriesStarts: {}, defaultPlace: "Teams",
    },
    ...overrides,
  };
}

/** The actor of a roster user id (or a stranger). */
export const actorOf = (userId: string, name = userId): Actor => ({ userId, name });

/** A freshly planned meeting of `testBody`, with the standard agenda, as state. */
export function testMeeting(body = testBody(), firstParagraph = 1): MeetingState {
  let n = 0;
  const events = planMeeting({
    body, meetingId: "mt1", details: { date: "2026-03-20", startTime: "09:00" }, firstParagraph, standardAgenda: true, newId: () => `std${n++}`,
  });
  const stored: StoredEvent[] = events.map((event, i) => ({ seq: i + 1, at: "2026-03-01T10:00:00.000Z", actor: actorOf("u-sec"), event }));
  return foldEvents(body.tenantId, "mt1", stored);
}

/** Runs commands in order, folding each result; throws on the first domain error. */
export function run(state: MeetingState, steps: [MeetingCommand, string][], now = new Date("2026-03-20T09:00:00Z")): MeetingState {
  let s = state;
  for (const [command, userId] of steps) {
    const r = decide(s, command, actorOf(userId), now);
    if (!r.ok) throw new Error(`${command.type} by ${userId}: ${r.error.code} ${JSON.stringify(r.error.details ?? {})}`);
    s = foldEvents(s.tenantId, s.id, r.value.map((event, i) => ({ seq: s.seq + i + 1, at: now.toISOString(), actor: actorOf(userId), event })), s);
  }
  return s;
}
