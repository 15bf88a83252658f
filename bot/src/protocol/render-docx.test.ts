import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { buildProtocolDocument } from "@paragraf/shared";
import { run, testBody, testMeeting } from "@paragraf/shared/testing";
import { renderProtocolDocx } from "./render-docx";

describe("renderProtocolDocx", () => {
  it("writes a Word document with the paragraphs, the decisions and the hash", async () => {
    const state = run(testMeeting(testBody(), 46), [
      [{ type: "agenda.addItem", itemId: "x", content: { kind: "decision", title: "Budget för år 2027", presenters: [], background: "Bakgrund om budgeten.", attachments: [] } }, "u-sec"],
      [{ type: "meeting.open" }, "u-chair"],
      [{ type: "decision.record", itemId: "x", decision: { outcome: "decided", clauses: ["anta budgeten", "följa upp i maj"] } }, "u-sec"],
    ]);
    const document = buildProtocolDocument(state, testBody());
    const files = unzipSync(new Uint8Array(await renderProtocolDocx(document)));
    const xml = strFromU8(files["word/document.xml"]!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(" ");
    expect(text).toContain("Protokoll Testnämnden");
    expect(text.indexOf("Budget för år 2027")).toBeGreaterThan(text.indexOf("Mötet öppnas"));
    expect(text).toContain("att följa upp i maj.");
    expect(text).toContain(document.hash);
  });
});
