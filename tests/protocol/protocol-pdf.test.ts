import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildProtocolDocument, canonicalJson, type ProtocolDocument } from "@paragraf/shared";
import { run, testBody, testMeeting } from "@paragraf/shared/testing";
import { renderProtocolPdf, runningText } from "../../bot/src/protocol/render-pdf";
import { largeMeeting } from "./demo-meetings";
import { fixturePath, goldens } from "./goldens";
import { hasPoppler, missingInOrder, poppler } from "./poppler";

const out = "test-results/protocol";
mkdirSync(out, { recursive: true });

/** Every paragraph heading, decision text and name of a document, in reading order. */
function expectedText(d: ProtocolDocument): string[] {
  const c = d.content;
  return [
    ...c.fields.map((f) => f.value),
    ...c.attendance.flatMap((s) => [s.heading, ...s.people.map((p) => p.name)]),
    ...c.paragraphs.flatMap((p) => [p.label, p.title, ...p.background, ...p.blocks.flatMap((b) => [...(b.lead ? [b.lead] : []), ...b.items])]),
    c.justering.statement,
    ...c.justering.signatories.map((s) => s.name),
  ];
}

/** pdftotext's output without the running header and footer lines, which fall inside text that crosses a page. */
function bodyText(pdfText: string, d: ProtocolDocument): string {
  const r = runningText(d);
  const running = new Set([r.headLeft, r.headRight, r.status, r.footLeft].filter((t): t is string => !!t));
  return pdfText.split("\n").filter((line) => !running.has(line.trim()) && !/^Sida \d+ av \d+$/.test(line.trim())).join("\n");
}

const sealedAt = (d: ProtocolDocument) => new Date(d.record.sealedAt ?? `${d.content.date}T12:00:00Z`);

describe("protocol goldens: document model", () => {
  it.each(goldens)("$name builds the committed document model", (g) => {
    const document = g.document(g.script());
    const expected = JSON.parse(readFileSync(fixturePath(g.name), "utf8")) as ProtocolDocument;
    expect(JSON.parse(canonicalJson(document as never))).toEqual(JSON.parse(canonicalJson(expected as never)));
  });
});

describe.runIf(hasPoppler)("protocol PDF (poppler-utils)", () => {
  it.each(goldens)("$name: text in order, fonts embedded, tagged PDF/A, PNG pages", async (g) => {
    const document = g.document(g.script());
    const pdf = await renderProtocolPdf(document, { creationDate: sealedAt(document) });
    const file = `${out}/${g.name}.pdf`;
    writeFileSync(file, pdf);
    const text = poppler("pdftotext", "-enc", "UTF-8", file, "-");
    expect(text.split("\n").filter((l) => l.trim() === document.content.title).length).toBeGreaterThanOrEqual(2);
    expect(missingInOrder(bodyText(text, document), expectedText(document))).toBeUndefined();
    expect(text).toContain("Sida 1 av");
    expect(text).toMatch(/[åäöÅÄÖé–”]/);

    const fonts = poppler("pdffonts", file).trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const line of fonts) expect(line.split(/\s+/).slice(-5, -2)).toEqual(["yes", "yes", "yes"]);

    const info = poppler("pdfinfo", file);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toContain(`Keywords:        sha256:${document.hash}`);
    const meta = poppler("pdfinfo", "-meta", file);
    expect(meta).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(meta).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(raw).toContain("/S /GTS_PDFA1");
    expect(raw).toMatch(/\/DestOutputProfile \d+ 0 R/);
    expect(raw).toMatch(/\/Lang \((sv-SE|en-GB)\)/);
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toMatch(/\/DisplayDocTitle true/);

    poppler("pdftoppm", "-r", "80", "-png", file, `${out}/${g.name}`);
  });

  it("renders a sealed protocol to the same bytes every time, in this process and in a fresh one", async () => {
    const g = goldens[0]!;
    const document = g.document(g.script());
    expect(document.record.status).toBe("sealed");
    const a = await renderProtocolPdf(document, { creationDate: sealedAt(document) });
    for (const other of goldens.slice(1)) await renderProtocolPdf(other.document(other.script()), { creationDate: new Date() });
    const b = await renderProtocolPdf(g.document(g.script()), { creationDate: sealedAt(document) });
    expect(Buffer.compare(a, b)).toBe(0);
    const fresh = `${out}/${g.name}-fresh-process.pdf`;
    execFileSync(process.execPath, ["--import", "tsx", "tests/protocol/render-golden.ts", g.name, fresh], { stdio: "inherit" });
    expect(Buffer.compare(readFileSync(fresh), a)).toBe(0);
    const meta = poppler("pdfinfo", "-isodates", `${out}/${g.name}.pdf`);
    expect(meta).toContain(`CreationDate:    ${document.record.sealedAt?.replace(/\.000Z$/, "Z")}`);
  });

  it("renders the English wording from the same catalogue", async () => {
    for (const g of goldens) await renderProtocolPdf(g.document(g.script()), { creationDate: new Date() });
    const document = goldens[1]!.script().document({ lang: "en" });
    const file = `${out}/contested-en.pdf`;
    writeFileSync(file, await renderProtocolPdf(document, { creationDate: sealedAt(document) }));
    const text = poppler("pdftotext", "-enc", "UTF-8", file, "-");
    expect(missingInOrder(bodyText(text, document), expectedText(document))).toBeUndefined();
    expect(text).toContain("Page 1 of");
    expect(text).toContain("Samråd vård och omsorg decides to table the item.");
    expect(poppler("pdfinfo", file)).toMatch(/Tagged:\s+yes/);
    expect(readFileSync(file).toString("latin1")).toContain("/Lang (en-GB)");
  });

  it("shows characters the fonts lack as ? instead of drawing .notdef (forbidden in PDF/A)", async () => {
    const state = run(testMeeting(testBody(), 1), [
      [{ type: "agenda.addItem", itemId: "x", content: { kind: "information", title: "Budget 👍 klar 漢", presenters: [], background: "Åsa ✓ Örjan", attachments: [] } }, "u-sec"],
    ]);
    const document = buildProtocolDocument(state, testBody());
    const file = `${out}/unsupported-characters.pdf`;
    writeFileSync(file, await renderProtocolPdf(document, { creationDate: new Date("2026-03-20T12:00:00Z") }));
    const text = poppler("pdftotext", "-enc", "UTF-8", file, "-");
    expect(text).toContain("Budget ? klar ?");
    expect(text).toMatch(/Åsa [✓?] Örjan/);
    expect(poppler("pdfinfo", file)).toContain(`sha256:${document.hash}`);
  });

  it("lays out a 100-paragraph meeting without losing text to overflow", async () => {
    const document = largeMeeting(100, 100).document();
    const pdf = await renderProtocolPdf(document, { creationDate: new Date("2026-10-16T16:00:00Z") });
    const file = `${out}/large-100.pdf`;
    writeFileSync(file, pdf);
    const text = poppler("pdftotext", "-enc", "UTF-8", file, "-");
    expect(missingInOrder(bodyText(text, document), expectedText(document))).toBeUndefined();
    for (let i = 1; i <= 100; i++) expect(text).toContain(`slutord${i}.`);
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler("pdfinfo", file))?.[1]);
    expect(pages).toBeGreaterThan(20);
    expect(text).toContain(`Sida ${pages} av ${pages}`);
  }, 60_000);
});
