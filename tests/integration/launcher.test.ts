// The launcher as `npm start` runs it (issue 13): responses compressed, one log line per request
// without personal data, and a stop that lets the requests in flight finish.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, test } from "vitest";
import { isProcessAlive } from "#app/platform/process.server";
import routes from "#app/routes";
import { loggedPath } from "#app/server/http";
import { seedDemoWorld } from "#prisma/demo/seed";
import { rawRequest, startPlatform, type RunningPlatform } from "./platform";

const root = path.resolve(import.meta.dirname, "../..");

let platform: RunningPlatform;

beforeAll(async () => {
  platform = await startPlatform({ prepare: (database) => seedDemoWorld(database.sql, { offers: 200, seed: 3 }).then(() => {}) });
}, 240_000);
afterAll(async () => {
  await platform?.stop();
});

test("a page and the scripts travel compressed to a browser that accepts it, and whole to one that does not", async () => {
  const plain = await rawRequest(platform.url, { path: "/offres" });
  expect(plain.headers["content-encoding"]).toBeUndefined();
  const zipped = await rawRequest(platform.url, { path: "/offres", headers: { "Accept-Encoding": "gzip" } });
  expect(zipped.headers["content-encoding"]).toBe("gzip");
  const page = gunzipSync(zipped.raw).toString("utf8");
  expect(page).toContain("Offres VTE");
  expect(zipped.raw.length).toBeLessThan(Buffer.byteLength(plain.body) / 2);

  const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(plain.body)?.[1] ?? /href="(\/assets\/[^"]+\.js)"/.exec(plain.body)?.[1];
  expect(script).toBeTruthy();
  const whole = await rawRequest(platform.url, { path: script as string });
  const brotli = await rawRequest(platform.url, { path: script as string, headers: { "Accept-Encoding": "br, gzip" } });
  expect(brotli.headers["content-encoding"]).toBe("br");
  expect(brotliDecompressSync(brotli.raw).equals(whole.raw)).toBe(true);
  expect(brotli.raw.length).toBeLessThan(whole.raw.length / 2);
});

test("a page carries its stylesheet, allowed by the response's nonce; scripts come compressed at build", async () => {
  const response = await rawRequest(platform.url, { path: "/offres" });
  const policy = String(response.headers["content-security-policy"]);
  const styleNonce = /style-src 'self' 'nonce-([^']+)'/.exec(policy)?.[1];
  expect(styleNonce).toBeTruthy();
  const inline = /<style id="feuille-de-style" nonce="([^"]+)">([\s\S]+?)<\/style>/.exec(response.body);
  expect(inline?.[1]).toBe(styleNonce);
  expect(inline?.[2]).toContain(".offer-card");
  // Painting waits for no other request.
  expect(response.body).not.toMatch(/rel="stylesheet"/);
  // Another response, another nonce: an inline style injected into a page does not apply.
  const again = await rawRequest(platform.url, { path: "/offres" });
  expect(/style-src 'self' 'nonce-([^']+)'/.exec(String(again.headers["content-security-policy"]))?.[1]).not.toBe(styleNonce);

  const script = /src="(\/assets\/htmx\.min-[^"]+\.js)"/.exec(response.body)?.[1] as string;
  expect(script).toBeTruthy();
  const builtBrotli = readFileSync(path.join(root, "build/client", `${script}.br`));
  const brotli = await rawRequest(platform.url, { path: script, headers: { "Accept-Encoding": "gzip, deflate, br, zstd" } });
  expect(brotli.headers["content-encoding"]).toBe("br");
  expect(brotli.raw.equals(builtBrotli)).toBe(true);
  expect(brotli.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  const gzip = await rawRequest(platform.url, { path: script, headers: { "Accept-Encoding": "gzip" } });
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expect(gunzipSync(gzip.raw).equals(readFileSync(path.join(root, "build/client", script)))).toBe(true);
});

test("pages made of links and forms send no script; the search page sends htmx and its own script, not the framework", async () => {
  // An offer from the search, once the index holds the seeded offers.
  let offer = "";
  for (let i = 0; i < 60 && !offer; i++) {
    offer = /href="(\/offres\/[\w-]+)/.exec((await rawRequest(platform.url, { path: "/offres?q=ingenieur" })).body)?.[1] ?? "";
    if (!offer) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(offer).toMatch(/^\/offres\/[\w-]+$/);
  for (const page of ["/", "/territoires", "/territoires/2023-2027/ti-8417", "/statistiques", offer]) {
    const { status, body } = await rawRequest(platform.url, { path: page });
    expect(status, page).toBe(200);
    // An offer's JobPosting is data, not a script that runs.
    expect(body, page).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
    expect(body, page).not.toContain('rel="modulepreload"');
  }
  const search = (await rawRequest(platform.url, { path: "/offres?q=ingenieur" })).body;
  expect(search).not.toContain('rel="modulepreload"');
  expect(search).not.toContain('type="module"');
  const scripts = [...search.matchAll(/<script src="(\/assets\/[^"]+)" defer="" nonce="[^"]+"><\/script>/g)].map((match) => match[1]);
  expect(scripts).toEqual([
    expect.stringMatching(/^\/assets\/htmx\.min-[\w-]+\.js$/),
    expect.stringMatching(/^\/assets\/search-enhancement-[\w-]+\.js$/),
  ]);
  expect(search.match(/<script/g)).toHaveLength(2);
  for (const script of scripts) expect((await rawRequest(platform.url, { path: script })).status, script).toBe(200);
  // htmx keeps no page in the browser's storage, evaluates nothing and runs no script it receives.
  const config = JSON.parse(/<meta name="htmx-config" content="([^"]+)"/.exec(search)?.[1]?.replaceAll("&quot;", '"') as string);
  expect(config).toMatchObject({ historyCacheSize: 0, allowEval: false, allowScriptTags: false, selfRequestsOnly: true });
});

test("a live update of the search page (htmx) leaves out the stylesheet its page already has", async () => {
  const whole = await rawRequest(platform.url, { path: "/offres?q=ingenieur" });
  const update = await rawRequest(platform.url, { path: "/offres?q=ingenieur", headers: { "HX-Request": "true" } });
  expect(update.status).toBe(200);
  expect(whole.body).toContain('<style id="feuille-de-style"');
  expect(update.body).not.toContain("<style");
  // The same results: the page less its stylesheet.
  expect(/id="resultats"[^>]*>([^<]*)</.exec(update.body)?.[1]).toBe(/id="resultats"[^>]*>([^<]*)</.exec(whole.body)?.[1]);
  expect(update.body.length).toBeLessThan(whole.body.length - 20_000);
  // A shared cache keeps the two apart.
  for (const response of [whole, update]) expect(String(response.headers.vary)).toMatch(/HX-Request/);
});

test("public pages may be kept a minute by a shared cache and revalidated; a 304 brings no new policy", async () => {
  for (const path of ["/", "/offres?q=ingenieur"]) {
    const first = await rawRequest(platform.url, { path });
    expect(first.headers["cache-control"], path).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=300");
    expect(String(first.headers.vary), path).toMatch(/Cookie/);
    expect(String(first.headers.etag), path).toMatch(/^W\/"[\w-]+"$/);
    // The same page again has the same tag, though its nonce is new (three asks: two of them fall
    // in the same minute, the search page's clock for "publiée il y a…").
    const again = [await rawRequest(platform.url, { path }), await rawRequest(platform.url, { path })];
    const tags = [first, ...again].map((response) => String(response.headers.etag));
    expect(new Set(tags).size, path).toBeLessThan(3);
    const tag = tags[2];
    const revalidated = await rawRequest(platform.url, { path, headers: { "If-None-Match": tag } });
    expect(revalidated.status, path).toBe(304);
    expect(revalidated.raw.length, path).toBe(0);
    expect(revalidated.headers["content-security-policy"], path).toBeUndefined();
  }
  // A stale session cookie is cleared: that response is nobody else's.
  const cleared = await rawRequest(platform.url, { path: "/", headers: { Cookie: "vte_session=perime" } });
  expect(String(cleared.headers["set-cookie"])).toMatch(/vte_session=;/);
  expect(cleared.headers["cache-control"]).toBe("private, no-store");
});

test("every page is valid UTF-8 without control characters, however React cut it into chunks, and ends with its document", async () => {
  for (const path of [
    "/",
    "/offres",
    "/offres?q=logisticien",
    "/offres?q=ingenieur&region=84",
    "/territoires",
    "/statistiques",
    "/donnees-personnelles",
  ]) {
    const page = await rawRequest(platform.url, { path });
    expect(page.status, path).toBe(200);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(page.raw);
    // eslint-disable-next-line no-control-regex
    expect(text.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/g), path).toBeNull();
    expect(text, path).toContain("Données de référence");
    // Nothing after the document: the data scripts sit inside the body.
    expect(text.trimEnd().endsWith("</body></html>"), path).toBe(true);
    const lastScript = text.lastIndexOf("<script");
    expect(lastScript < 0 || text.slice(lastScript).includes("</body>"), path).toBe(true);
    expect(text.indexOf("</html>"), path).toBe(text.trimEnd().length - "</html>".length);
  }
});

test("each request is logged by method, path, status and time: no query string, no token, no address", async () => {
  await rawRequest(platform.url, { path: "/offres?q=soudeur&autour=lea%40ecole.fr" });
  await rawRequest(platform.url, { path: "/mot-de-passe-oublie/jeton-secret-de-reinitialisation" });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const lines = platform.output().split("\n");
  expect(lines.find((l) => l.startsWith("GET /offres "))).toMatch(/^GET \/offres 200 \S+ - [\d.]+ ms$/);
  expect(lines.find((l) => l.startsWith("GET /mot-de-passe-oublie/"))).toMatch(/^GET \/mot-de-passe-oublie\/\[jeton\] \d{3} /);
  expect(platform.output()).not.toContain("jeton-secret-de-reinitialisation");
  expect(platform.output()).not.toContain("lea@ecole.fr");
  expect(lines.filter((l) => /^(GET|POST) /.test(l)).some((l) => l.includes("127.0.0.1"))).toBe(false);
  // Fingerprinted assets are not logged (nor under a path without their /assets/ prefix).
  const search = await rawRequest(platform.url, { path: "/offres" });
  const asset = /(\/assets\/[^"]+\.js)"/.exec(search.body)?.[1] as string;
  expect((await rawRequest(platform.url, { path: asset })).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const file = asset.split("/").pop() as string;
  expect(
    platform
      .output()
      .split("\n")
      .filter((l) => l.includes(file) && /^(GET|HEAD) /.test(l)),
  ).toEqual([]);
});

test("every route whose path carries a token is logged without it", () => {
  const tokenRoutes = routes
    .flatMap(function paths(route): string[] {
      return [route.path ?? "", ...(route.children ?? []).flatMap(paths)];
    })
    .filter((p) => p.endsWith(":token"));
  expect(tokenRoutes.length).toBeGreaterThanOrEqual(4);
  for (const route of tokenRoutes) {
    const path = `/${route.replace(":token", "AbCdEf123456")}`;
    expect(loggedPath(path), path).not.toContain("AbCdEf123456");
  }
});

test("beside the running platform, npm run search:check reports on its index", async () => {
  const run = () =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "search/check-cli.ts"], {
        cwd: root,
        env: { ...process.env, VTE_DATA_DIR: platform.dataDir, MEILI_URL: "", MEILI_MASTER_KEY: "" },
      });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("exit", (code) => resolve({ code, output }));
    });
  // The worker rebuilds the index after start: the check agrees once it has.
  let result = await run();
  for (let tries = 0; result.code !== 0 && tries < 30; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    result = await run();
  }
  expect(result.output).toContain("Asked the running server");
  expect(result.output).toContain("The index matches the database.");
  expect(Number(/(\d+) searchable offers/.exec(result.output)?.[1])).toBeGreaterThan(50);
  expect(result.code).toBe(0);
}, 120_000);

test("stopping lets a request in flight finish: its answer arrives, then the platform exits", async () => {
  const target = new URL(platform.url);
  const body = "email=personne%40exemple.fr&password=pas-le-bon-mot-de-passe";
  const socket = net.connect(Number(target.port), target.hostname);
  let answer = "";
  socket.on("data", (chunk) => (answer += chunk.toString("utf8")));
  const closed = new Promise((resolve) => socket.on("close", resolve));
  await new Promise((resolve) => socket.once("connect", resolve));
  socket.write(
    [
      "POST /connexion HTTP/1.1",
      `Host: ${target.host}`,
      `Origin: ${platform.url}`,
      "Content-Type: application/x-www-form-urlencoded",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
      "",
      body.slice(0, 10),
    ].join("\r\n"),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  const exited = new Promise<number | null>((resolve) => {
    const poll = setInterval(() => {
      if (!isProcessAlive(platform.pid)) {
        clearInterval(poll);
        resolve(0);
      }
    }, 50);
  });
  process.kill(platform.pid, "SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 500));
  // Still running: it waits for the request it is reading.
  expect(isProcessAlive(platform.pid)).toBe(true);
  socket.write(body.slice(10));
  await closed;
  expect(answer).toMatch(/^HTTP\/1\.1 (200|400) /);
  expect(answer).toContain("mot de passe");
  await exited;
  expect(platform.output()).toContain("Stopped.");
}, 60_000);
