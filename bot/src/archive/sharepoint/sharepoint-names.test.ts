import { describe, expect, it } from "vitest";
import { candidateName, encodePath, safeSharePointName } from "./sharepoint-names";

describe("SharePoint names", () => {
  it("replaces the characters SharePoint refuses and trims leading and trailing spaces and dots", () => {
    expect(safeSharePointName('2026-09-19 Nämnd/Styrelse protokoll KS 1:2026?*<>|"\\.pdf', ".pdf")).toBe("2026-09-19 Nämnd-Styrelse protokoll KS 1-2026-------.pdf");
    expect(safeSharePointName("  ..Protokoll.. ")).toBe("Protokoll");
    expect(safeSharePointName("a\tb\nc")).toBe("a b c");
  });

  it("avoids reserved names and prefixes", () => {
    expect(safeSharePointName("CON")).toBe("_CON");
    expect(safeSharePointName("desktop.ini")).toBe("_desktop.ini");
    expect(safeSharePointName("~$protokoll.pdf", ".pdf")).toBe("-protokoll.pdf");
    expect(safeSharePointName("x_vti_y")).toBe("x-vti-y");
    expect(safeSharePointName("...", ".pdf")).toBe("_.pdf");
  });

  it("keeps names within 120 characters with the extension, and never ends the stem in a space or dot", () => {
    const long = safeSharePointName(`${"å".repeat(115)} . ${"b".repeat(50)}.pdf`, ".pdf");
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long).toMatch(/^å+\.pdf$/);
  });

  it("numbers the alternatives and encodes path segments for path-based addressing", () => {
    expect(candidateName("2026-09-19 LSG protokoll.pdf", 1)).toBe("2026-09-19 LSG protokoll.pdf");
    expect(candidateName("2026-09-19 LSG protokoll.pdf", 3)).toBe("2026-09-19 LSG protokoll (3).pdf");
    expect(encodePath(["Protokoll", "Nämnd #1", "2026"])).toBe("Protokoll/N%C3%A4mnd%20%231/2026");
  });
});
