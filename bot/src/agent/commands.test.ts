import { describe, expect, it } from "vitest";
import { parseCommand } from "./commands";

describe("chat commands", () => {
  it.each([
    ["agenda", "agenda"], ["Dagordning", "agenda"], ["beslut", "decisions"], ["decisions", "decisions"], ["status", "status"],
    ["hjälp", "help"], ["help", "help"], ["<at>Paragraf</at> beslut", "decisions"], ["/status", "status"],
  ])("understands %s", (text, kind) => {
    expect(parseCommand(text).kind).toBe(kind);
  });

  it("links to a meeting id and refuses a malformed one", () => {
    expect(parseCommand("koppla demo-meeting")).toEqual({ kind: "link", meetingId: "demo-meeting" });
    expect(parseCommand("link ../../etc")).toEqual({ kind: "help" });
  });

  it("reports what it did not understand", () => {
    expect(parseCommand("vad är klockan")).toEqual({ kind: "unknown", text: "vad är klockan" });
  });
});
