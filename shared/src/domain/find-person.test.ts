import { describe, expect, it } from "vitest";
import { findPersonByUser, type Person } from "./body";

const roster: Person[] = [
  { id: "p-a", name: "A", organisation: "", roles: ["ledamot"], userId: "oid-a", email: "a@x.example" },
  { id: "p-b", name: "B", organisation: "", roles: ["ledamot"], email: "B@X.example" },
];

describe("findPersonByUser", () => {
  it("matches the linked user id first", () => {
    expect(findPersonByUser(roster, "oid-a", "b@x.example")?.id).toBe("p-a");
  });
  it("matches an unlinked person by sign-in name, ignoring case and spaces", () => {
    expect(findPersonByUser(roster, "oid-new", " b@x.EXAMPLE ")?.id).toBe("p-b");
  });
  it("never matches a linked person by address, and nothing without a login", () => {
    expect(findPersonByUser(roster, "oid-other", "a@x.example")).toBeUndefined();
    expect(findPersonByUser(roster, "oid-new")).toBeUndefined();
    expect(findPersonByUser(roster, "oid-new", "")).toBeUndefined();
  });
});
