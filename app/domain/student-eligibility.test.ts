import { describe, expect, test } from "vitest";
import { studentEligibility, type StudentFacts, type StudentReasonCode } from "./student-eligibility";

const today = new Date("2026-11-22T00:00:00Z");
const student: StudentFacts = { degreeLevel: "BAC5", status: "WORK_STUDY", graduationDate: null };

const cases: { rule: string; student: Partial<StudentFacts>; eligible: boolean; reason: StudentReasonCode }[] = [
  { rule: "a bac+5 in work-study is eligible", student: {}, eligible: true, reason: "status.work_study" },
  { rule: "bac+2 is enough", student: { degreeLevel: "BAC2" }, eligible: true, reason: "degree.ok" },
  { rule: "the bac or below is not", student: { degreeLevel: null }, eligible: false, reason: "degree.too_low" },
  {
    rule: "a graduate of a year ago is eligible",
    student: { status: "GRADUATED", graduationDate: new Date("2025-11-22") },
    eligible: true,
    reason: "status.recent_graduate",
  },
  {
    rule: "a graduate of exactly 2 years ago still is",
    student: { status: "GRADUATED", graduationDate: new Date("2024-11-22") },
    eligible: true,
    reason: "status.recent_graduate",
  },
  {
    rule: "a graduate of 2 years and a day ago is not",
    student: { status: "GRADUATED", graduationDate: new Date("2024-11-21") },
    eligible: false,
    reason: "status.graduated_too_long_ago",
  },
  {
    rule: "a graduate must give the date",
    student: { status: "GRADUATED", graduationDate: null },
    eligible: false,
    reason: "status.graduation_date_missing",
  },
  {
    rule: "a student in initial training is pointed to the pré-VTE",
    student: { status: "STUDENT" },
    eligible: false,
    reason: "status.initial_training",
  },
];

describe("student VTE eligibility", () => {
  test.each(cases)("$rule", ({ student: overrides, eligible, reason }) => {
    const decision = studentEligibility({ ...student, ...overrides }, today);
    expect(decision.eligible).toBe(eligible);
    const named = decision.reasons.find((r) => r.code === reason);
    expect(named, `reason ${reason}`).toBeDefined();
    expect(named?.message).toMatch(/\S/);
  });

  test("every reason is shown, passed or not", () => {
    const decision = studentEligibility({ degreeLevel: null, status: "STUDENT", graduationDate: null }, today);
    expect(decision.reasons.map((r) => [r.code, r.ok])).toEqual([
      ["degree.too_low", false],
      ["status.initial_training", false],
    ]);
  });
});
