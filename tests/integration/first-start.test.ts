// What `npm start` builds on a first start beyond the embedded default (tested in
// embedded-smoke.test.ts): on PostgreSQL nothing unless asked with --demo; and the data folder is
// created when it does not exist yet.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { isPostgresUrl } from "#app/platform/db.server";
import { startPlatform } from "./platform";

const onPostgres = isPostgresUrl(process.env.DATABASE_URL);

test("npm start creates its data folder when it does not exist yet", async () => {
  const parent = await mkdtemp(path.join(os.tmpdir(), "vte-first-"));
  const platform = await startPlatform({ env: { VTE_DATA_DIR: path.join(parent, "pas-encore", "donnees") } });
  try {
    expect((await fetch(`${platform.url}/healthz`)).status).toBe(200);
  } finally {
    await platform.stop();
    await rm(parent, { recursive: true, force: true });
  }
}, 180_000);

test.skipIf(!onPostgres)(
  "on PostgreSQL an empty database stays empty, unless npm start -- --demo asks for the demo world",
  async () => {
    const plain = await startPlatform({ env: { VTE_DEMO: "" } });
    try {
      expect(plain.output()).not.toContain("Demo world");
      expect(await (await fetch(`${plain.url}/connexion`)).text()).not.toContain("Comptes de démonstration");
    } finally {
      await plain.stop();
    }
    const asked = await startPlatform({ args: ["--demo"] });
    try {
      expect(asked.output()).toMatch(/Demo world: \d+ companies/);
      expect(await (await fetch(`${asked.url}/connexion`)).text()).toContain("Comptes de démonstration");
    } finally {
      await asked.stop();
    }
  },
  300_000,
);
