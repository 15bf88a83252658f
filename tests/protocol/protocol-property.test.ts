import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildProtocolDocument, type Decision, type MeetingCommand } from "@paragraf/shared";
import { run, testBody, testMeeting } from "@paragraf/shared/testing";
import { renderProtocolPdf } from "../../bot/src/protocol/render-pdf";
import { hasPoppler, poppler, squash } from "./poppler";

const word = fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzåäöéABCÅÄÖ"), minLength: 1, maxLength: 12 });
const sentence = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((w) => w.join(" "));
const decision: fc.Arbitrary<Decision> = fc.oneof(
  fc.record({ outcome: fc.constant("decided" as const), clauses: fc.array(sentence(30), { minLength: 1, maxLength: 4 }) }),
  fc.record({ outcome: fc.constant("informationNoted" as const), clauses: fc.array(sentence(10), { maxLength: 2 }) }),
  fc.record({ outcome: fc.constant("tabled" as const), clauses: fc.constant<string[]>([]) }),
  fc.record({ outcome: fc.constant("referredBack" as const), clauses: fc.constant<string[]>([]), motivation: sentence(20) }),
);
const item = fc.record({ title: sentence(14), background: fc.array(sentence(120), { maxLength: 3 }).map((p) => p.join("\n\n")), decision: fc.option(decision, { nil: undefined }) });

describe.runIf(hasPoppler)("protocol PDF property (poppler-utils)", () => {
  it("renders any generated meeting to a PDF whose text has one heading per paragraph of the state", async () => {
    const dir = mkdtempSync(join(tmpdir(), "paragraf-prop-"));
    await fc.assert(fc.asyncProperty(fc.array(item, { minLength: 0, maxLength: 12 }), fc.integer({ min: 1, max: 900 }), async (items, first) => {
      const steps: [MeetingCommand, string][] = items.map((it, i) => [
        { type: "agenda.addItem", itemId: `g${i}`, content: { kind: "decision", title: it.title, presenters: [], background: it.background, attachments: [] } }, "u-sec",
      ]);
      steps.push([{ type: "meeting.open" }, "u-chair"]);
      items.forEach((it, i) => {
        if (it.decision) steps.push([{ type: "decision.record", itemId: `g${i}`, decision: it.decision }, "u-sec"]);
      });
      const state = run(testMeeting(testBody(), first), steps);
      const document = buildProtocolDocument(state, testBody());
      const file = join(dir, "p.pdf");
      writeFileSync(file, await renderProtocolPdf(document, { creationDate: new Date("2026-03-20T12:00:00Z") }));
      const text = poppler("pdftotext", "-enc", "UTF-8", file, "-");
      const headings = text.split("\n").filter((l) => /^§\s?\d+$/.test(l.trim()));
      expect(headings.length).toBe(document.content.paragraphs.length);
      expect(headings.length).toBe(state.items.length);
      for (const p of document.content.paragraphs) expect(squash(text)).toContain(squash(p.title));
    }), { numRuns: 10, seed: 20260320 });
  }, 60_000);
});
