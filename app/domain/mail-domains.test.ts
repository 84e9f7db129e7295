import { expect, test } from "vitest";
import { domainOf, parseDomains, publicMailDomains } from "./mail-domains";

test("an address's domain is read lower-case after the last @", () => {
  expect(domainOf("Léa.Roux@Etu.Ecole.FR")).toBe("etu.ecole.fr");
});

test("domains are typed with commas, spaces or an @; one that is not a domain refuses the list", () => {
  expect(parseDomains("ecole.fr, @etu.ecole.fr;ECOLE.fr")).toEqual(["ecole.fr", "etu.ecole.fr"]);
  expect(parseDomains("ecole.fr, pas un domaine")).toBeNull();
  expect(parseDomains("")).toEqual([]);
});

test("addresses anyone can open are known as such", () => {
  expect(publicMailDomains.has("gmail.com")).toBe(true);
  expect(publicMailDomains.has("ecole.fr")).toBe(false);
});
