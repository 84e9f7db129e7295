// What a request claims about itself (Host, Origin, X-Forwarded-*, redirectTo) decides nothing,
// and what no page accepts is refused before it is read: issue 11, tried over real HTTP against the
// platform as `npm start` runs it, with a configured public address as behind a TLS proxy.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hashPassword } from "#app/accounts/auth.server";
import { seedDemoWorld } from "#prisma/demo/seed";
import { formBody, rawRequest, startPlatform, type RunningPlatform } from "./platform";
import { termsVersion } from "#app/domain/personal-data";

const publicAddress = "https://vte.example.fr";
const student = { email: "lea.martin@etudiant.test", password: "Un-mot-de-passe-solide-2026" };
const operator = { email: "pilote@operateur.test", password: "Pilotage-solide-2026" };
// What a browser on the public address sends with every form.
const sameSite = { Host: "vte.example.fr", Origin: publicAddress };

let platform: RunningPlatform;

beforeAll(async () => {
  platform = await startPlatform({
    env: { PUBLIC_URL: publicAddress },
    prepare: async (database) => {
      await seedDemoWorld(database.sql, { offers: 60, seed: 5 });
      // A name with a vertical tab, as one was stored before control characters were refused.
      const newest = await database.prisma.offer.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { publishedAt: "desc" } });
      await database.prisma.company.update({ where: { id: newest.companyId }, data: { name: "Ateliers\u000b du Forez" } });
      for (const [account, role] of [
        [student, "STUDENT"],
        [operator, "OPERATOR"],
      ] as const) {
        await database.prisma.user.create({
          data: {
            email: account.email,
            passwordHash: await hashPassword(account.password),
            role,
            firstName: "Léa",
            lastName: "Martin",
            emailVerifiedAt: new Date(),
            // Accepted the terms in force: a log-in goes straight to its destination.
            termsVersion,
            termsAcceptedAt: new Date(),
          },
        });
      }
    },
  });
}, 180_000);
afterAll(async () => platform?.stop());

async function logIn(account: { email: string; password: string }, redirectTo = ""): Promise<{ location: string; cookie: string }> {
  const form = formBody({ email: account.email, password: account.password, redirectTo });
  const response = await rawRequest(platform.url, {
    method: "POST",
    path: "/connexion",
    headers: { ...sameSite, ...form.headers },
    body: form.body,
  });
  expect(response.status).toBe(302);
  const cookie = String(response.headers["set-cookie"]?.[0] ?? "").split(";")[0];
  return { location: String(response.headers.location), cookie };
}

describe("links come from the configured address, never from the request", () => {
  test("a reset asked with a foreign Host mails a link to the configured address", async () => {
    const form = formBody({ email: student.email });
    const response = await rawRequest(platform.url, {
      method: "POST",
      path: "/mot-de-passe-oublie",
      headers: { Host: "attacker.example", "X-Forwarded-Host": "attacker.example", Origin: publicAddress, ...form.headers },
      body: form.body,
    });
    expect(response.status).toBeLessThan(400);
    const mail = await waitForMail((m) => m.to.includes(student.email) && /mot de passe/i.test(m.subject));
    expect(mail.text).toContain(`${publicAddress}/mot-de-passe-oublie/`);
    expect(mail.text).not.toContain("attacker.example");
  });

  test("the Atom feed's links are the configured address's, whatever the Host", async () => {
    const response = await rawRequest(platform.url, {
      path: "/offres/flux.xml",
      headers: { Host: "attacker.example", "X-Forwarded-Host": "attacker.example" },
    });
    expect(response.status).toBe(200);
    expect(response.body).toContain(`<link rel="self" href="${publicAddress}/offres/flux.xml"/>`);
    expect(response.body).not.toContain("attacker.example");
  });

  test("the feed is well-formed XML 1.0 even when a stored name holds a control character", async () => {
    let feed = "";
    for (let i = 0; i < 100 && !feed.includes("Ateliers du Forez"); i++) {
      feed = (await rawRequest(platform.url, { path: "/offres/flux.xml" })).body;
      if (!feed.includes("<entry>")) await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(feed).toContain("<author><name>Ateliers du Forez</name></author>");
    // eslint-disable-next-line no-control-regex
    expect(feed).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  test("the session cookie is Secure and HSTS is sent, since the public address is https", async () => {
    const { cookie } = await logIn(student);
    expect(cookie).toMatch(/^vte_session=/);
    const form = formBody({ email: student.email, password: student.password });
    const response = await rawRequest(platform.url, {
      method: "POST",
      path: "/connexion",
      headers: { ...sameSite, ...form.headers },
      body: form.body,
    });
    expect(String(response.headers["set-cookie"])).toContain("; Secure");
    expect(response.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  });
});

describe("after log-in only a path of this site is followed", () => {
  test.each([
    ["a tab the browser drops", "/\t/evil.invalid"],
    ["CR/LF", "/offres\r\nSet-Cookie: pris=1"],
    ["a protocol-relative address", "//evil.invalid"],
  ])("%s in redirectTo goes home", async (_label, target) => {
    const { location } = await logIn(student, target);
    expect(location).toBe("/etudiant");
  });

  test("a signed-in visit to /connexion with CR/LF in redirectTo goes home, not to an error", async () => {
    const { cookie } = await logIn(student);
    const response = await rawRequest(platform.url, {
      path: "/connexion?redirectTo=%2Foffres%0D%0ASet-Cookie%3A%20x%3D1",
      headers: { ...sameSite, Cookie: cookie },
    });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe("/etudiant");
  });
});

describe("what no page accepts is refused with a French message, never a 500", () => {
  test("TRACE answers 405", async () => {
    const response = await rawRequest(platform.url, { method: "TRACE", path: "/" });
    expect(response.status).toBe(405);
    expect(response.body).toContain("Méthode non acceptée");
  });

  test.each([
    ["a malformed Origin", { Origin: "http://[zz" }],
    ["a foreign Origin", { Origin: "https://site-malveillant.example" }],
    ["a foreign Origin that matches the forged Host", { Origin: "http://attacker.example", Host: "attacker.example" }],
  ])("a form with %s answers 403", async (_label, headers) => {
    const form = formBody({ email: student.email, password: "x" });
    const response = await rawRequest(platform.url, {
      method: "POST",
      path: "/connexion",
      headers: { ...form.headers, ...headers },
      body: form.body,
    });
    expect(response.status).toBe(403);
    expect(response.body).toContain("Requête refusée");
  });

  test.each([
    ["no content type", {}, ""],
    ["JSON", { "Content-Type": "application/json" }, '{"email":"a@b.fr"}'],
    ["plain text", { "Content-Type": "text/plain" }, "email=a@b.fr"],
  ])("a POST with %s answers 415", async (_label, headers, body) => {
    const response = await rawRequest(platform.url, {
      method: "POST",
      path: "/connexion",
      headers: { Origin: publicAddress, "Content-Length": Buffer.byteLength(body), ...headers },
      body,
    });
    expect(response.status).toBe(415);
    expect(response.body).toContain("seul un formulaire");
  });

  test("a 50 MB form is refused at once with 413, without reading it, and the next request is served", async () => {
    const started = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const target = new URL(platform.url);
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: "POST",
          path: "/connexion",
          headers: { Origin: publicAddress, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": 50 * 1024 * 1024 },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on("error", reject);
      request.write("email=".padEnd(64 * 1024, "a"));
    });
    expect(status).toBe(413);
    expect(performance.now() - started).toBeLessThan(2_000);
    const next = await rawRequest(platform.url, { path: "/" });
    expect(next.status).toBe(200);
  });
});

describe("security headers", () => {
  async function headersOf(path: string, cookie?: string) {
    const response = await rawRequest(platform.url, { path, headers: cookie ? { Cookie: cookie } : {} });
    expect(response.status).toBe(200);
    return response.headers;
  }

  test.each(["/", "/offres"])("%s carries a nonce-based CSP, no framing, nosniff and a referrer policy", async (path) => {
    const headers = await headersOf(path);
    const policy = String(headers["content-security-policy"]);
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-inline");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  test("the page's inline scripts carry the response's nonce", async () => {
    const response = await rawRequest(platform.url, { path: "/offres" });
    const nonce = /'nonce-([^']+)'/.exec(String(response.headers["content-security-policy"]))?.[1];
    const scripts = [...response.body.matchAll(/<script(?![^>]*type="application\/ld\+json")([^>]*)>/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  test("a signed-in page and a CSV export are private, no-store, with the same headers", async () => {
    const { cookie } = await logIn(student);
    const page = await headersOf("/etudiant", cookie);
    expect(page["cache-control"]).toBe("private, no-store");
    expect(String(page["content-security-policy"])).toContain("frame-ancestors 'none'");
    const operatorSession = await logIn(operator);
    const csv = await headersOf("/pilotage/export/mois.csv", operatorSession.cookie);
    expect(csv["content-type"]).toContain("text/csv");
    expect(csv["cache-control"]).toBe("private, no-store");
    expect(csv["x-content-type-options"]).toBe("nosniff");
  });
});

describe("X-Forwarded-For is believed only from configured proxies", () => {
  test("a client that rotates X-Forwarded-For is still limited as one address", async () => {
    let lastStatus = "";
    for (let i = 0; i < 32; i++) {
      const form = formBody({ email: `inconnu-${i}@nulle-part.test`, password: "pas-le-bon-mot-de-passe" });
      const response = await rawRequest(platform.url, {
        method: "POST",
        path: "/connexion",
        headers: { ...sameSite, "X-Forwarded-For": `198.51.100.${i + 1}`, ...form.headers },
        body: form.body,
      });
      lastStatus = response.body;
    }
    expect(lastStatus).toContain("Trop de tentatives");
  });
});

async function waitForMail(match: (mail: { to: string; subject: string; text: string }) => boolean) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = (await platform.mails()).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error("no such mail within 20 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
