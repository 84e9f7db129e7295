import { describe, expect, test } from "vitest";
import { canApply, editNeedsReview, expiryDate, nextStatus } from "./offer-lifecycle";

describe("offer life cycle", () => {
  test("a draft is submitted for review, then published by an operator", () => {
    expect(nextStatus("submit", "DRAFT")).toBe("PENDING_REVIEW");
    expect(nextStatus("approve", "PENDING_REVIEW")).toBe("PUBLISHED");
  });
  test("a rejected offer can be corrected and submitted again", () => {
    expect(nextStatus("reject", "PENDING_REVIEW")).toBe("REJECTED");
    expect(nextStatus("submit", "REJECTED")).toBe("PENDING_REVIEW");
  });
  test("a draft cannot be published without review", () => expect(canApply("approve", "DRAFT")).toBe(false));
  test("only a published offer expires", () => {
    expect(canApply("expire", "PUBLISHED")).toBe(true);
    expect(canApply("expire", "CLOSED")).toBe(false);
  });
  test("a filled offer cannot be submitted again", () => expect(() => nextStatus("submit", "FILLED")).toThrow());
  test("an offer expires 90 days after publication by default", () => {
    expect(expiryDate(new Date("2026-01-01T10:00:00Z")).toISOString()).toBe("2026-04-01T10:00:00.000Z");
  });
  const base = { title: "Ingénieur qualité", description: "Missions…", contractType: "CDI", durationMonths: null };
  test("changing the pay or the start date of a published offer needs no new review", () =>
    expect(editNeedsReview(base, { ...base })).toBe(false));
  test("changing the title needs a new review", () => expect(editNeedsReview(base, { ...base, title: "Ingénieur méthodes" })).toBe(true));
  test("changing the contract needs a new review", () =>
    expect(editNeedsReview(base, { ...base, contractType: "CDD", durationMonths: 12 })).toBe(true));
});
