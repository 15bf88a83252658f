import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./dates";

describe("dates worded per language", () => {
  it("words a calendar date in Swedish and English, whatever the time zone", () => {
    expect(formatDate("2026-11-23", "sv")).toBe("23 november 2026");
    expect(formatDate("2026-11-23", "en")).toBe("23 November 2026");
    expect(formatDate("2026-01-01", "sv")).toBe("1 januari 2026");
    expect(formatDate("2026-11-23", "sv", { weekday: true })).toBe("måndag 23 november 2026");
    expect(formatDate("2026-11-23", "en", { weekday: true })).toBe("Monday, 23 November 2026");
  });

  it("shows what it cannot parse as given", () => {
    expect(formatDate("snart", "sv")).toBe("snart");
    expect(formatDateTime("not a time", "en")).toBe("not a time");
  });

  it("words a point in time with the date and the hour", () => {
    const sv = formatDateTime("2026-11-23T13:05:00Z", "sv");
    expect(sv).toMatch(/^23 november 2026( kl\.)? \d{2}:05$/);
    expect(formatDateTime("2026-11-23T13:05:00Z", "en")).toMatch(/^23 November 2026(,| at)? \d{2}:05$/);
  });
});
