// Search engines find the offers (issue 16): /sitemap.xml lists its parts; the parts hold the public
// pages, the territories of the phase in force and every offer open to applications, with
// addresses from PUBLIC_URL whatever the request says; an offer that closes leaves it; /robots.txt
// keeps robots out of the signed-in spaces and points at the sitemap.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setDatabase } from "#app/platform/db.server";
import type { Database } from "#app/platform/db.server";
import { loader as sitemapLoader } from "#app/routes/seo/sitemap";
import { loader as robotsLoader } from "#app/routes/seo/robots";
import { publicOfferWhere } from "#app/domain/public-offer";
import { seedDemoWorld } from "#prisma/demo/seed";
import { openTestDatabase } from "./support";

let database: Database;
const publicAddress = "https://vte.example.fr";

async function get(path: string, part?: string): Promise<Response> {
  const request = new Request(`http://127.0.0.1${path}`, {
    headers: { Host: "attaquant.example", "X-Forwarded-Host": "attaquant.example" },
  });
  const context = { session: null, clientIp: "127.0.0.1" };
  const loader = path === "/robots.txt" ? robotsLoader : sitemapLoader;
  return (await loader({ request, context, params: part ? { part } : {} })) as Response;
}

const locations = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);

beforeAll(async () => {
  process.env.PUBLIC_URL = publicAddress;
  database = await openTestDatabase();
  setDatabase(database);
  await seedDemoWorld(database.sql, { offers: 600, seed: 16 });
}, 120_000);
afterAll(async () => {
  delete process.env.PUBLIC_URL;
  setDatabase(undefined);
  await database.close();
});

describe("sitemap", () => {
  test("the index lists the pages, the territories and the offers' parts, at the configured address", async () => {
    const index = await get("/sitemap.xml");
    expect(index.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    const parts = locations(await index.text());
    expect(parts).toEqual([
      `${publicAddress}/sitemaps/pages.xml`,
      `${publicAddress}/sitemaps/territoires.xml`,
      `${publicAddress}/sitemaps/offres-1.xml`,
    ]);
  });

  test("the parts hold the public pages, the 183 territories in force and every open offer, and nothing else", async () => {
    const pages = locations(await (await get("/sitemaps/pages.xml", "pages.xml")).text());
    expect(pages).toContain(`${publicAddress}/offres`);
    expect(pages).toContain(`${publicAddress}/mentions-legales`);
    expect(pages.some((url) => /\/(etudiant|entreprise|ecole|pilotage|compte)/.test(url))).toBe(false);

    const territories = locations(await (await get("/sitemaps/territoires.xml", "territoires.xml")).text());
    expect(territories).toHaveLength(183);
    expect(territories).toContain(`${publicAddress}/territoires/2023-2027/ti-8417`);

    const open = await database.prisma.offer.findMany({ where: publicOfferWhere(), select: { id: true } });
    const offers = locations(await (await get("/sitemaps/offres-1.xml", "offres-1.xml")).text());
    expect(offers.toSorted()).toEqual(open.map((o) => `${publicAddress}/offres/${o.id}`).toSorted());
    const notOpen = await database.prisma.offer.count({ where: { NOT: publicOfferWhere() } });
    expect(notOpen).toBeGreaterThan(0);

    expect((await get("/sitemaps/offres-2.xml", "offres-2.xml").catch((e: Response) => e)).status).toBe(404);
    expect((await get("/sitemaps/autre.xml", "autre.xml").catch((e: Response) => e)).status).toBe(404);
  });

  test("an offer that closes leaves the sitemap; the part's validator then changes", async () => {
    const before = await get("/sitemaps/offres-1.xml", "offres-1.xml");
    const closing = await database.prisma.offer.findFirstOrThrow({ where: publicOfferWhere(), orderBy: { id: "asc" } });
    await database.prisma.offer.update({ where: { id: closing.id }, data: { status: "CLOSED" } });
    const after = await get("/sitemaps/offres-1.xml", "offres-1.xml");
    expect(locations(await after.text())).not.toContain(`${publicAddress}/offres/${closing.id}`);
    expect(after.headers.get("ETag")).not.toBe(before.headers.get("ETag"));
  });
});

test("robots.txt keeps robots out of the signed-in spaces and the apply forms, and names the sitemap", async () => {
  const robots = await get("/robots.txt");
  const text = await robots.text();
  for (const space of ["/etudiant", "/entreprise", "/ecole", "/pilotage", "/compte", "/offres/*/postuler"])
    expect(text).toContain(`Disallow: ${space}\n`);
  expect(text).not.toMatch(/^Disallow: \/offres$/m);
  expect(text).toContain(`Sitemap: ${publicAddress}/sitemap.xml`);
  expect(robots.headers.get("Cache-Control")).toMatch(/^public, /);
});
