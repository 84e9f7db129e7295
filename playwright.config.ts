// End-to-end tests drive Debian's Chromium (/usr/bin/chromium): no browser is ever downloaded.
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const e2eDataDir = path.resolve("test-results", "e2e-data");

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "fr-FR",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "avec-js", use: { ...devices["Desktop Chrome"], channel: undefined } },
    {
      name: "sans-js",
      use: { ...devices["Desktop Chrome"], channel: undefined, javaScriptEnabled: false },
      testIgnore: /accessibility/,
    },
  ],
  webServer: {
    command: `node node_modules/tsx/dist/cli.mjs tests/e2e/server.ts`,
    url: `http://127.0.0.1:${port}/healthz`,
    env: { PORT: String(port), E2E_DATA_DIR: e2eDataDir },
    timeout: 240_000,
    reuseExistingServer: false,
    // SIGTERM lets the server drop its database and data folder (SIGKILL, the default, leaves them).
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
