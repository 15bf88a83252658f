import { describe, expect, it } from "vitest";
import { buildProtocolDocument } from "@paragraf/shared";
import { run, testBody, testMeeting } from "@paragraf/shared/testing";
import { renderProtocolHtml } from "./render-html";

describe("renderProtocolHtml", () => {
  it("shows every paragraph in order with its hash, and escapes what users typed", () => {
    const state = run(testMeeting(testBody(), 46), [
      [{ type: "agenda.addItem", itemId: "x", content: { kind: "information", title: "<script>alert(1)</script> & mer", presenters: [], background: "", attachments: [{ title: "Länk", url: "https://example.org/?a=1&b=2" }] } }, "u-sec"],
    ]);
    const document = buildProtocolDocument(state, testBody());
    const html = renderProtocolHtml(document);
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; mer");
    expect(html).toContain('href="https://example.org/?a=1&amp;b=2"');
    expect(html).toContain(document.hash);
    const labels = [...html.matchAll(/<span>(§ \d+)<\/span>/g)].map((m) => m[1]);
    expect(labels).toEqual(document.content.paragraphs.map((p) => p.label));
    expect(html).toContain("Utkast – ej justerat");
  });
});
