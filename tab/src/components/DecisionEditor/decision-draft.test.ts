import { describe, expect, it } from "vitest";
import { isSavable, sameDecision, toDecision, toDraft } from "./decision-draft";

describe("decision drafts", () => {
  it("starts information items as noted and decision items as decided, with one empty clause", () => {
    expect(toDraft(undefined, "information")).toMatchObject({ outcome: "informationNoted", clauses: [""] });
    expect(toDraft(undefined, "decision")).toMatchObject({ outcome: "decided", clauses: [""] });
  });

  it("turns a draft into the decision it stands for: trimmed, empty parts left out", () => {
    const d = toDecision({ outcome: "decided", clauses: ["  anta förslaget ", "", " "], motivation: " ", recipient: "", followUpDate: "2026-12-01" });
    expect(d).toEqual({ outcome: "decided", clauses: ["anta förslaget"], followUpDate: "2026-12-01" });
  });

  it("compares decisions by what they say, not by key order or whitespace", () => {
    expect(sameDecision({ clauses: ["a"], outcome: "decided" }, { outcome: "decided", clauses: ["a "] })).toBe(true);
    expect(sameDecision({ outcome: "decided", clauses: ["a"] }, { outcome: "decided", clauses: ["b"] })).toBe(false);
    expect(sameDecision(undefined, undefined)).toBe(true);
    expect(sameDecision(undefined, { outcome: "tabled", clauses: [] })).toBe(false);
  });

  it("saves only what the service would accept", () => {
    expect(isSavable(toDraft(undefined, "decision"))).toBe(false);
    expect(isSavable({ ...toDraft(undefined, "decision"), clauses: ["anta"] })).toBe(true);
    expect(isSavable({ ...toDraft(undefined, "decision"), outcome: "referredBack" })).toBe(false);
    expect(isSavable({ ...toDraft(undefined, "decision"), outcome: "tabled" })).toBe(true);
  });
});
