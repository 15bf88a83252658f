import { describe, expect, it } from "vitest";
import { run, testBody, testMeeting } from "../testing/fixtures";
import type { MeetingCommand } from "../domain/commands";
import { buildProtocolDocument } from "./build-protocol-document";

const content = (title: string) => ({ kind: "decision" as const, title, presenters: ["Anna Föredragande"], background: "Första stycket.\n\nAndra stycket.", attachments: [] });

/** A closed meeting of the test body with one decision item, a reservation and jäv. */
function closedMeeting(extra: [MeetingCommand, string][] = []) {
  return run(testMeeting(testBody(), 46), [
    [{ type: "agenda.addItem", itemId: "a", content: content("Budget 2027") }, "u-sec"],
    [{ type: "agenda.addItem", itemId: "b", content: content("Lokaler") }, "u-sec"],
    [{ type: "roles.assign", adjusterIds: ["m1"] }, "u-sec"],
    [{ type: "attendance.mark", personId: "chair", attendance: { status: "present" } }, "u-sec"],
    [{ type: "attendance.mark", personId: "m1", attendance: { status: "present" } }, "u-sec"],
    [{ type: "attendance.mark", personId: "m2", attendance: { status: "absent" } }, "u-sec"],
    [{ type: "attendance.mark", personId: "sub", attendance: { status: "partial", substituteFor: "m2", toParagraph: 50 } }, "u-sec"],
    [{ type: "meeting.open" }, "u-chair"],
    [{ type: "item.open", itemId: "a" }, "u-chair"],
    [{ type: "item.close", itemId: "a", decision: { outcome: "decided", clauses: ["anta budgeten"] } }, "u-sec"],
    [{ type: "reservation.record", itemId: "a", reservation: { personId: "sub", motivation: "För hög." } }, "u-sec"],
    [{ type: "conflict.declare", itemId: "b", conflict: { personId: "m1" } }, "u-sec"],
    [{ type: "item.open", itemId: "b" }, "u-chair"],
    [{ type: "item.close", itemId: "b", decision: { outcome: "referredBack", clauses: [], motivation: "Kostnaden är oklar" } }, "u-sec"],
    [{ type: "meeting.close" }, "u-chair"],
    ...extra,
  ]);
}

describe("buildProtocolDocument", () => {
  it("words header, attendance, paragraphs and justering in Swedish by default", () => {
    const d = buildProtocolDocument(closedMeeting(), testBody());
    const c = d.content;
    expect(c.title).toBe("Protokoll Testnämnden");
    expect(c.fields).toEqual([{ label: "Datum och tid", value: "den 20 mars 2026 kl. 09.00" }, { label: "Plats", value: "Teams" }, { label: "Ärenden", value: "§§ 46–54" }]);
    const present = c.attendance.find((s) => s.kind === "present");
    expect(present?.people.map((p) => [p.name, p.notes])).toEqual([
      ["Clara Ordf", ["ordförande"]], ["Mats Ledamot (s)", ["justerare"]], ["Sune Ersättare", ["ersättare för Mona Ledamot (m)", "deltog till §\u00a050"]],
    ]);
    expect(c.attendance.find((s) => s.kind === "absent")?.people.map((p) => p.name)).toEqual(["Mona Ledamot (m)"]);
    expect(c.attendance.find((s) => s.kind === "secretary")?.people.map((p) => p.name)).toEqual(["Siv Sekreterare"]);
    const a = c.paragraphs.find((p) => p.itemId === "a");
    expect(a).toMatchObject({ label: "§ 50", kindLabel: "Beslutsärende", presenters: "Föredragande: Anna Föredragande", background: ["Första stycket.", "Andra stycket."] });
    expect(a?.blocks.map((b) => b.lead ?? b.items.join(" "))).toEqual(["Testnämnden beslutar att anta budgeten.", "Sune Ersättare reserverar sig mot beslutet. Motivering: För hög."]);
    const b = c.paragraphs.find((p) => p.itemId === "b");
    expect(b?.blocks[0]?.items).toEqual(["Mats Ledamot (s) anmäler jäv och deltar inte i handläggningen av ärendet."]);
    expect(b?.blocks[1]?.lead).toBe("Testnämnden beslutar att återremittera ärendet. Motivering: Kostnaden är oklar.");
    expect(c.justering.statement).toBe("Mats Ledamot (s) justerar protokollet tillsammans med ordföranden Clara Ordf.");
    expect(c.justering.signatories.map((s) => [s.personId, s.roleLabel])).toEqual([["sec", "sekreterare"], ["chair", "ordförande"], ["m1", "justerare"]]);
    expect(d.record.status).toBe("draft");
  });

  it("words the same protocol in English from the same catalogue", () => {
    const d = buildProtocolDocument(closedMeeting(), testBody(), { lang: "en" });
    expect(d.content.title).toBe("Minutes Testnämnden");
    expect(d.content.paragraphs.find((p) => p.itemId === "a")?.blocks[0]?.lead).toBe("Testnämnden decides to anta budgeten.");
  });

  it("gives the same hash for the same state and a new hash for any change of content", () => {
    const s = closedMeeting();
    const one = buildProtocolDocument(s, testBody());
    expect(buildProtocolDocument(structuredClone(s), testBody()).hash).toBe(one.hash);
    const edited = run(s, [[{ type: "agenda.editItem", itemId: "a", content: { title: "Budget 2028" } }, "u-sec"]]);
    expect(buildProtocolDocument(edited, testBody()).hash).not.toBe(one.hash);
    const minutes = testBody("t1", { settings: { ...testBody().settings, documentType: "minnesanteckningar" } });
    expect(buildProtocolDocument(s, minutes).hash).not.toBe(one.hash);
  });

  it("keeps the hash through justering: signatures are recorded beside the content, not in it", () => {
    const s = closedMeeting();
    const { hash } = buildProtocolDocument(s, testBody());
    const sent = run(s, [[{ type: "protocol.sendForJustering", hash }, "u-sec"]]);
    expect(buildProtocolDocument(sent, testBody()).hash).toBe(hash);
    const sealed = run(sent, [[{ type: "protocol.sign", hash }, "u-sec"], [{ type: "protocol.sign", hash }, "u-chair"], [{ type: "protocol.sign", hash }, "u-m1"]]);
    const d = buildProtocolDocument(sealed, testBody());
    expect(sealed.status).toBe("sealed");
    expect(d.hash).toBe(hash);
    expect(d.record).toMatchObject({ status: "sealed", version: 1, sentHash: hash });
    expect(d.record.signatures.map((x) => [x.name, x.roleLabel, x.atText])).toEqual([
      ["Siv Sekreterare", "sekreterare", "2026-03-20 10:00:00 (Europe/Stockholm)"],
      ["Clara Ordf", "ordförande", "2026-03-20 10:00:00 (Europe/Stockholm)"],
      ["Mats Ledamot", "justerare", "2026-03-20 10:00:00 (Europe/Stockholm)"],
    ]);
  });

  it("states agenda changes under the agenda paragraph and leaves withdrawn items unnumbered", () => {
    const s = run(testMeeting(testBody(), 1), [
      [{ type: "agenda.addItem", itemId: "a", content: content("A") }, "u-sec"],
      [{ type: "agenda.addItem", itemId: "b", content: content("B") }, "u-sec"],
      [{ type: "agenda.publish" }, "u-sec"],
      [{ type: "agenda.moveItem", itemId: "b", toIndex: 4 }, "u-sec"],
      [{ type: "agenda.withdrawItem", itemId: "a", reason: "Underlag saknas." }, "u-sec"],
    ]);
    const c = buildProtocolDocument(s, testBody()).content;
    const agenda = c.paragraphs.find((p) => p.title === "Godkännande av dagordning");
    expect(agenda?.blocks[0]?.items).toEqual(["Ärendet ”B” byter plats i ordningsföljden och behandlas som §\u00a05.", "Ärendet ”A” utgår. Underlag saknas."]);
    expect(c.paragraphs.map((p) => p.title)).not.toContain("A");
    expect(c.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
