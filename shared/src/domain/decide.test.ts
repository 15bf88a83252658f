import { describe, expect, it } from "vitest";
import { actorOf, run, testBody, testMeeting } from "../testing/fixtures";
import { decide } from "./decide";
import { paragraphNumbers } from "./numbering";
import type { MeetingCommand } from "./commands";
import type { MeetingState } from "./meeting-types";

const now = new Date("2026-03-20T09:00:00Z");
const content = (title: string) => ({ kind: "decision" as const, title, presenters: [], background: "", attachments: [] });
const errorOf = (s: MeetingState, c: MeetingCommand, userId: string) => {
  const r = decide(s, c, actorOf(userId), now);
  return r.ok ? undefined : r.error.code;
};

describe("decide: roles", () => {
  it("lets the secretary and the chair edit, and refuses members and guests", () => {
    const s = testMeeting();
    const add: MeetingCommand = { type: "agenda.addItem", itemId: "x", content: content("Budget") };
    expect(decide(s, add, actorOf("u-sec"), now).ok).toBe(true);
    expect(decide(s, add, actorOf("u-chair"), now).ok).toBe(true);
    expect(errorOf(s, add, "u-m1")).toBe("forbidden");
    expect(errorOf(s, add, "stranger")).toBe("forbidden");
  });

  it("makes a chosen mötesordförande the chair instead of the body's chair", () => {
    const s = run(testMeeting(), [[{ type: "roles.assign", chairPersonId: "m1" }, "u-sec"]]);
    expect(decide(s, { type: "meeting.open" }, actorOf("u-m1"), now).ok).toBe(true);
    expect(errorOf(s, { type: "meeting.open" }, "u-chair")).toBe("forbidden");
  });
});

describe("decide: agenda", () => {
  it("inserts new items before the closing standard items and numbers the series on", () => {
    const s = run(testMeeting(testBody(), 46), [[{ type: "agenda.addItem", itemId: "a", content: content("Budget") }, "u-sec"]]);
    const titles = s.items.map((i) => i.title);
    expect(titles.indexOf("Budget")).toBe(4);
    expect(titles.at(-1)).toBe("Mötet avslutas");
    const numbers = paragraphNumbers(s);
    expect(numbers.get("a")).toBe(50);
    expect([...numbers.values()]).toEqual([46, 47, 48, 49, 50, 51, 52, 53]);
  });

  it("records moves, additions and withdrawals after the agenda is published, not before", () => {
    const before = run(testMeeting(), [
      [{ type: "agenda.addItem", itemId: "a", content: content("A") }, "u-sec"],
      [{ type: "agenda.addItem", itemId: "b", content: content("B") }, "u-sec"],
      [{ type: "agenda.moveItem", itemId: "b", toIndex: 4 }, "u-sec"],
    ]);
    expect(before.agendaChanges).toEqual([]);
    const after = run(before, [
      [{ type: "agenda.publish" }, "u-sec"],
      [{ type: "agenda.moveItem", itemId: "a", toIndex: 4 }, "u-sec"],
      [{ type: "agenda.addItem", itemId: "c", content: content("C") }, "u-sec"],
      [{ type: "agenda.withdrawItem", itemId: "b", reason: "Underlag saknas" }, "u-sec"],
    ]);
    expect(after.agendaChanges.map((c) => c.kind)).toEqual(["moved", "added", "withdrawn"]);
    expect(after.items.find((i) => i.id === "b")?.status).toBe("withdrawn");
    expect(paragraphNumbers(after).has("b")).toBe(false);
  });

  it("refuses to withdraw an item that has been handled", () => {
    const s = run(testMeeting(), [
      [{ type: "agenda.addItem", itemId: "a", content: content("A") }, "u-sec"],
      [{ type: "meeting.open" }, "u-chair"],
      [{ type: "item.open", itemId: "a" }, "u-chair"],
    ]);
    expect(errorOf(s, { type: "agenda.withdrawItem", itemId: "a" }, "u-sec")).toBe("itemHandled");
  });
});

describe("decide: decisions", () => {
  const open = () => run(testMeeting(), [
    [{ type: "agenda.addItem", itemId: "a", content: content("A") }, "u-sec"],
    [{ type: "meeting.open" }, "u-chair"],
    [{ type: "item.open", itemId: "a" }, "u-chair"],
  ]);

  it("needs a decision to close an item, clauses for a decision, a motivation for referral back, a recipient for forwarding", () => {
    const s = open();
    expect(errorOf(s, { type: "item.close", itemId: "a" }, "u-sec")).toBe("decisionRequired");
    expect(errorOf(s, { type: "item.close", itemId: "a", decision: { outcome: "decided", clauses: [] } }, "u-sec")).toBe("clausesRequired");
    expect(errorOf(s, { type: "item.close", itemId: "a", decision: { outcome: "referredBack", clauses: [] } }, "u-sec")).toBe("motivationRequired");
    expect(errorOf(s, { type: "item.close", itemId: "a", decision: { outcome: "forwarded", clauses: [] } }, "u-sec")).toBe("recipientRequired");
  });

  it("sets the item status from the outcome", () => {
    const tabled = run(open(), [[{ type: "item.close", itemId: "a", decision: { outcome: "tabled", clauses: [] } }, "u-sec"]]);
    expect(tabled.items.find((i) => i.id === "a")?.status).toBe("tabled");
    const back = run(open(), [[{ type: "item.close", itemId: "a", decision: { outcome: "referredBack", clauses: [], motivation: "Mer underlag" } }, "u-sec"]]);
    expect(back.items.find((i) => i.id === "a")?.status).toBe("referredBack");
    const done = run(open(), [[{ type: "item.close", itemId: "a", decision: { outcome: "decided", clauses: ["anta överenskommelsen"] } }, "u-sec"]]);
    const item = done.items.find((i) => i.id === "a");
    expect(item?.status).toBe("handled");
    expect(item?.decision?.clauses).toEqual(["anta överenskommelsen"]);
    expect(done.currentItemId).toBeUndefined();
  });

  it("refuses a dissent from a member who declared jäv, and from an adjungerad", () => {
    const s = run(open(), [[{ type: "conflict.declare", itemId: "a", conflict: { personId: "m1" } }, "u-sec"]]);
    expect(errorOf(s, { type: "reservation.record", itemId: "a", reservation: { personId: "m1" } }, "u-sec")).toBe("conflictOfInterest");
    expect(errorOf(s, { type: "reservation.record", itemId: "a", reservation: { personId: "adj" } }, "u-sec")).toBe("personNotFound");
    const ok = run(s, [[{ type: "reservation.record", itemId: "a", reservation: { personId: "m2", motivation: "Skriftlig" } }, "u-sec"]]);
    expect(ok.items.find((i) => i.id === "a")?.reservations).toEqual([{ personId: "m2", motivation: "Skriftlig" }]);
  });

  it("checks partial attendance against the meeting's paragraphs", () => {
    const s = open();
    expect(errorOf(s, { type: "attendance.mark", personId: "m1", attendance: { status: "partial", fromParagraph: 3, toParagraph: 2 } }, "u-sec")).toBe("invalidParagraphRange");
    expect(errorOf(s, { type: "attendance.mark", personId: "m1", attendance: { status: "partial", toParagraph: 99 } }, "u-sec")).toBe("invalidParagraphRange");
    const ok = run(s, [[{ type: "attendance.mark", personId: "sub", attendance: { status: "present", substituteFor: "m2" } }, "u-sec"]]);
    expect(ok.attendance.sub?.substituteFor).toBe("m2");
  });
});

describe("decide: justering", () => {
  const closed = () => run(testMeeting(), [
    [{ type: "roles.assign", adjusterIds: ["m1"] }, "u-sec"],
    [{ type: "meeting.open" }, "u-chair"],
    [{ type: "meeting.close" }, "u-chair"],
  ]);

  it("seals when the secretary, the chair and the adjuster have signed the same hash", () => {
    let s = run(closed(), [[{ type: "protocol.sendForJustering", hash: "h1" }, "u-sec"]]);
    expect(s.protocol.signatories.map((x) => x.personId)).toEqual(["sec", "chair", "m1"]);
    expect(errorOf(s, { type: "protocol.sign", hash: "old" }, "u-chair")).toBe("staleProtocol");
    expect(errorOf(s, { type: "protocol.sign", hash: "h1" }, "u-m2")).toBe("notSignatory");
    s = run(s, [[{ type: "protocol.sign", hash: "h1" }, "u-chair"], [{ type: "protocol.sign", hash: "h1" }, "u-sec"]]);
    expect(errorOf(s, { type: "protocol.sign", hash: "h1" }, "u-chair")).toBe("alreadySigned");
    expect(s.status).toBe("inJustering");
    s = run(s, [[{ type: "protocol.sign", hash: "h1" }, "u-m1"]]);
    expect(s.status).toBe("sealed");
    expect(errorOf(s, { type: "agenda.editItem", itemId: "std0", content: { title: "x" } }, "u-sec")).toBe("sealed");
  });

  it("sends the protocol back to draft with the comment on a change request, and a new version restarts signing", () => {
    let s = run(closed(), [[{ type: "protocol.sendForJustering", hash: "h1" }, "u-sec"], [{ type: "protocol.sign", hash: "h1" }, "u-chair"]]);
    s = run(s, [[{ type: "protocol.requestChange", comment: "Stavfel i § 3" }, "u-m1"]]);
    expect(s.status).toBe("drafted");
    expect(s.protocol.changeRequests[0]?.comment).toBe("Stavfel i § 3");
    s = run(s, [[{ type: "protocol.sendForJustering", hash: "h2" }, "u-sec"]]);
    expect(s.protocol.version).toBe(2);
    expect(s.protocol.signatures).toEqual([]);
  });

  it("requires every present member to sign when the body approves by all members", () => {
    const body = testBody("t1", { settings: { ...testBody().settings, signatoryRule: "allMembers", secretarySigns: false } });
    const s = run(testMeeting(body), [
      [{ type: "attendance.mark", personId: "m1", attendance: { status: "present" } }, "u-sec"],
      [{ type: "attendance.mark", personId: "m2", attendance: { status: "absent" } }, "u-sec"],
      [{ type: "meeting.open" }, "u-chair"],
      [{ type: "meeting.close" }, "u-chair"],
      [{ type: "protocol.sendForJustering", hash: "h" }, "u-sec"],
    ]);
    expect(s.protocol.signatories.map((x) => x.personId).sort()).toEqual(["chair", "m1"]);
  });
});
