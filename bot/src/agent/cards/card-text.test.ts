import { describe, expect, it } from "vitest";
import { adaptiveCard, literal } from "./card-text";

describe("user text in cards renders literally", () => {
  it("escapes markdown, links and template expressions", () => {
    const out = literal("**fet** [länk](https://evil.example) `kod` ${user.name} {{DATE(2026-01-01T00:00:00Z)}}");
    expect(out).not.toMatch(/(^|[^\\])\*\*/);
    expect(out).toContain("\\[länk\\]");
    expect(out).not.toContain("${");
    expect(out).not.toContain("{{");
  });

  it("keeps user text from faking a Teams mention", () => {
    expect(literal("hej <at>Alla</at> och <AT>x</AT>")).toBe("hej <\u200bat>Alla<\u200b/at> och <\u200bAT>x<\u200b/AT>");
  });

  it("escapes list, heading and quote markers at a line start only", () => {
    expect(literal("- punkt\n# rubrik\n> citat\n1. ett")).toBe("\\- punkt\n\\# rubrik\n\\> citat\n1\\. ett");
    expect(literal("2026-03-20 kl. 09.00")).toBe("2026-03-20 kl. 09.00");
  });

  it("cuts long text at a word with an ellipsis", () => {
    const long = "ord ".repeat(400);
    const out = literal(long, 100);
    expect(out.length).toBeLessThanOrEqual(102);
    expect(out.endsWith(" …")).toBe(true);
  });

  it("builds Adaptive Cards 1.5", () => {
    expect(adaptiveCard([]).content).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
  });
});
