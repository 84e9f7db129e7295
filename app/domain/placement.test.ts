import { describe, expect, test } from "vitest";
import { canUndoHire } from "./placement";

describe("undoing a hire", () => {
  const hired = new Date("2026-11-01T10:00:00Z");
  test.each([
    ["the same day", "2026-11-01T18:00:00Z", true],
    ["30 days later", "2026-12-01T10:00:00Z", true],
    ["30 days and a minute later", "2026-12-01T10:01:00Z", false],
  ])("%s: %s", (_when, now, allowed) => {
    expect(canUndoHire(hired, new Date(now))).toBe(allowed);
  });
});
