import { describe, expect, it } from "vitest";
import { canonicalJson, sha256Hex } from "./canonical-json";

describe("canonicalJson", () => {
  it("sorts keys at every depth, drops undefined members and adds no whitespace", () => {
    expect(canonicalJson({ b: 1, a: [{ d: "x", c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":"x"}],"b":1}');
  });

  it("gives the same string for the same value built in another order", () => {
    const one = { title: "Protokoll", fields: [{ label: "Plats", value: "Teams" }], n: 46 };
    const two = { n: 46, fields: [{ value: "Teams", label: "Plats" }], title: "Protokoll" };
    expect(canonicalJson(two)).toBe(canonicalJson(one));
  });

  it("normalises Swedish letters to NFC so a decomposed å hashes like a composed one", () => {
    expect(canonicalJson("a\u030a")).toBe(canonicalJson("å"));
    expect(canonicalJson({ "ä": "ö" })).toBe('{"ä":"ö"}');
  });

  it("refuses numbers JSON cannot carry", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
  });
});

describe("sha256Hex", () => {
  it("matches the SHA-256 test vectors, over UTF-8", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("å")).toBe("e83979df9d36090142f23051f8e8d7ad48e5c20dff5c9e7b92ca3454f67469f9");
  });
});
