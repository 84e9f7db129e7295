import { describe, expect, test } from "vitest";
import { canCompanyMove, canStudentWithdraw } from "./application-pipeline";

describe("application pipeline", () => {
  test.each([
    ["SUBMITTED", "INTERVIEW", true],
    ["VIEWED", "DECLINED", true],
    ["INTERVIEW", "SHORTLISTED", true],
    ["DECLINED", "INTERVIEW", true],
    ["WITHDRAWN", "INTERVIEW", false],
    ["INTERVIEW", "INTERVIEW", false],
    ["VIEWED", "WITHDRAWN", false],
    ["INTERVIEW", "SUBMITTED", false],
  ] as const)("a company moves %s to %s: %s", (from, to, allowed) => {
    expect(canCompanyMove(from, to)).toBe(allowed);
  });

  test.each([
    ["SUBMITTED", true],
    ["INTERVIEW", true],
    ["HIRED", false],
    ["DECLINED", false],
    ["WITHDRAWN", false],
  ] as const)("a student withdraws from %s: %s", (from, allowed) => {
    expect(canStudentWithdraw(from)).toBe(allowed);
  });
});
