import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actorOf, testMeeting } from "../testing/fixtures";
import { foldEvents } from "./apply";
import type { MeetingCommand } from "./commands";
import { decide } from "./decide";
import type { Decision, MeetingState } from "./meeting-types";
import { paragraphNumbers } from "./numbering";

const users = ["u-sec", "u-chair", "u-m1", "u-m2", "u-sub", "stranger"];
const people = ["chair", "m1", "m2", "sub", "adj", "sec", "nobody"];

const decisionArb: fc.Arbitrary<Decision> = fc.oneof(
  fc.record({ outcome: fc.constant("decided" as const), clauses: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 3 }) }),
  fc.record({ outcome: fc.constant("informationNoted" as const), clauses: fc.constant<string[]>([]) }),
  fc.record({ outcome: fc.constant("tabled" as const), clauses: fc.constant<string[]>([]) }),
  fc.record({ outcome: fc.constant("referredBack" as const), clauses: fc.constant<string[]>([]), motivation: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }) }),
  fc.record({ outcome: fc.constant("forwarded" as const), clauses: fc.constant<string[]>([]), recipient: fc.constant("Samrådet") }),
);

/** A command intent: item and person picked by index so they resolve against whatever the state holds. */
const intentArb = fc.record({
  kind: fc.integer({ min: 0, max: 17 }),
  item: fc.nat(),
  person: fc.nat(),
  index: fc.nat({ max: 20 }),
  user: fc.oneof({ weight: 5, arbitrary: fc.constantFrom("u-sec", "u-chair") }, { weight: 2, arbitrary: fc.constantFrom(...users) }),
  decision: decisionArb,
  hashOk: fc.boolean(),
});
type Intent = typeof intentArb extends fc.Arbitrary<infer T> ? T : never;

function toCommand(s: MeetingState, i: Intent, n: number): MeetingCommand {
  const itemId = s.items.length ? s.items[i.item % s.items.length]!.id : "none";
  const personId = people[i.person % people.length]!;
  const commands: MeetingCommand[] = [
    { type: "agenda.addItem", itemId: `new${n}`, content: { kind: "decision", title: `Ärende ${n}`, presenters: [], background: "", attachments: [] }, index: i.index },
    { type: "agenda.moveItem", itemId, toIndex: i.index },
    { type: "agenda.withdrawItem", itemId },
    { type: "agenda.publish" },
    { type: "roles.assign", adjusterIds: [personId] },
    { type: "attendance.mark", personId, attendance: i.index % 2 ? { status: "present" } : { status: "partial", toParagraph: i.index + 1 } },
    { type: "meeting.open" },
    { type: "item.open", itemId },
    { type: "decision.record", itemId, decision: i.decision },
    { type: "item.close", itemId, decision: i.index % 3 ? i.decision : undefined },
    { type: "assignment.add", itemId, assignment: { id: `as${n}`, owner: "Nätverket", task: "Återkoppla" } },
    { type: "reservation.record", itemId, reservation: { personId } },
    { type: "conflict.declare", itemId, conflict: { personId } },
    { type: "meeting.close" },
    { type: "protocol.sendForJustering", hash: `h${s.protocol.version + 1}` },
    { type: "protocol.sign", hash: i.hashOk ? s.protocol.hash ?? "x" : "stale" },
    { type: "protocol.requestChange", comment: "Ändra" },
    { type: "item.reopen", itemId },
  ];
  return commands[i.kind]!;
}

function checkInvariants(s: MeetingState) {
  const numbers = [...paragraphNumbers(s).values()];
  expect(new Set(numbers).size).toBe(numbers.length);
  numbers.forEach((n, i) => expect(n).toBe(s.firstParagraph + i));
  for (const item of s.items) {
    if (item.status === "handled" || item.status === "tabled" || item.status === "referredBack") expect(item.decision).toBeDefined();
  }
  expect(s.items.filter((i) => i.status === "current").length).toBeLessThanOrEqual(1);
}

describe("meeting core properties", () => {
  it("folding any sequence of accepted commands never throws and keeps the invariants", () => {
    fc.assert(
      fc.property(fc.array(intentArb, { minLength: 10, maxLength: 80 }), (intents) => {
        let s = testMeeting();
        let sealedAt: string | undefined;
        intents.forEach((intent, n) => {
          const command = toCommand(s, intent, n);
          const before = JSON.stringify(s);
          const r = decide(s, command, actorOf(intent.user), new Date("2026-03-20T10:00:00Z"));
          if (!r.ok) {
            expect(JSON.stringify(s)).toBe(before);
            return;
          }
          if (sealedAt) throw new Error(`sealed protocol accepted ${command.type}`);
          const stored = r.value.map((event, k) => ({ seq: s.seq + k + 1, at: "2026-03-20T10:00:00.000Z", actor: actorOf(intent.user), event }));
          const next = foldEvents(s.tenantId, s.id, stored, s);
          expect(next.seq).toBe(s.seq + r.value.length);
          checkInvariants(next);
          // A handled item keeps its decision through any later accepted command.
          for (const item of s.items) {
            if (item.status === "handled") expect(next.items.find((x) => x.id === item.id)?.decision).toBeDefined();
          }
          s = next;
          if (s.status === "sealed") sealedAt = JSON.stringify(s.items);
        });
        if (sealedAt) expect(JSON.stringify(s.items)).toBe(sealedAt);
      }),
      { numRuns: 300 },
    );
  });

  it("a sealed protocol refuses every change", () => {
    let s = testMeeting();
    const steps: [MeetingCommand, string][] = [
      [{ type: "roles.assign", adjusterIds: ["m1"] }, "u-sec"], [{ type: "meeting.open" }, "u-chair"], [{ type: "meeting.close" }, "u-chair"],
      [{ type: "protocol.sendForJustering", hash: "h" }, "u-sec"], [{ type: "protocol.sign", hash: "h" }, "u-sec"],
      [{ type: "protocol.sign", hash: "h" }, "u-chair"], [{ type: "protocol.sign", hash: "h" }, "u-m1"],
    ];
    for (const [c, u] of steps) {
      const r = decide(s, c, actorOf(u), new Date());
      if (!r.ok) throw new Error(r.error.code);
      s = foldEvents(s.tenantId, s.id, r.value.map((event, k) => ({ seq: s.seq + k + 1, at: "t", actor: actorOf(u), event })), s);
    }
    expect(s.status).toBe("sealed");
    fc.assert(
      fc.property(intentArb, (intent) => {
        const r = decide(s, toCommand(s, intent, 0), actorOf(intent.user), new Date());
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).toBe("sealed");
      }),
      { numRuns: 500 },
    );
  });
});
