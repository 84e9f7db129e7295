import { describe, expect, test } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("after log-in, only a path of this site is followed", () => {
  test.each([
    ["/etudiant/candidatures?envoyee=1", "/etudiant/candidatures?envoyee=1"],
    ["/offres?q=ing%C3%A9nieur#r", "/offres?q=ing%C3%A9nieur#r"],
  ])("%s is kept", (target, expected) => {
    expect(safeRedirect(target, "/maison")).toBe(expected);
  });

  test.each([
    ["a tab the browser drops (/\\t/evil.invalid)", "/\t/evil.invalid"],
    ["a line feed", "/\n/evil.invalid"],
    ["a carriage return and line feed", "/offres\r\nSet-Cookie: x=1"],
    ["a protocol-relative address", "//evil.invalid"],
    ["a backslash the browser reads as a slash", "/\\evil.invalid"],
    ["an absolute address", "https://evil.invalid/"],
    ["a javascript: address", "javascript:alert(1)"],
    ["a NUL byte", "/offres\u0000"],
    ["nothing", null],
  ])("%s goes home", (_label, target) => {
    expect(safeRedirect(target, "/maison")).toBe("/maison");
  });
});
