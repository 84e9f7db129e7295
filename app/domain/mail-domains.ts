// Mail domains: who counts as a school's student or staff is decided by the domain of an address.

/** The domain of an address, lower-case: "Lea@Etu.Ecole.fr" → "etu.ecole.fr". */
export const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/** "ecole.fr, @etu.ecole.fr" → ["ecole.fr", "etu.ecole.fr"]; null when one is not a domain. */
export function parseDomains(text: string): string[] | null {
  const domains = text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  if (domains.some((d) => !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d))) return null;
  return [...new Set(domains)];
}

/** Addresses anyone can get: never a school's domain. */
export const publicMailDomains = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.fr",
  "yahoo.com",
  "hotmail.fr",
  "hotmail.com",
  "outlook.fr",
  "outlook.com",
  "live.fr",
  "msn.com",
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "sfr.fr",
  "laposte.net",
  "icloud.com",
  "me.com",
  "protonmail.com",
  "proton.me",
  "gmx.fr",
  "aol.com",
]);
