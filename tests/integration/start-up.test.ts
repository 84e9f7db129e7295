// Start-up refuses to serve beyond this machine without a configured public address: links in
// mails and feeds would otherwise have no trustworthy origin (issue 11).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "vitest";
import { publicUrl, publicUrlProblem } from "#app/platform/config.server";

const root = path.resolve(import.meta.dirname, "../..");

test("HOST=0.0.0.0 without PUBLIC_URL stops at once with the reason", () => {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: "0.0.0.0", PORT: "0", VTE_DATA_DIR: path.join(root, "data", "never-created") };
  delete env.PUBLIC_URL;
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "app/server/start.ts"], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("HOST=0.0.0.0 serves beyond this machine: set PUBLIC_URL");
});

test("the public address comes from PUBLIC_URL, or from HOST and PORT on loopback", () => {
  expect(publicUrlProblem({ HOST: "0.0.0.0", PUBLIC_URL: "https://vte.example.fr/" })).toBeNull();
  expect(publicUrlProblem({ PUBLIC_URL: "javascript:alert(1)" })).toMatch(/http\(s\)/);
  expect(publicUrlProblem({ HOST: "127.0.0.1" })).toBeNull();
  const saved = { ...process.env };
  try {
    process.env.PUBLIC_URL = "https://vte.example.fr/chemin";
    expect(publicUrl()).toBe("https://vte.example.fr");
    delete process.env.PUBLIC_URL;
    process.env.HOST = "127.0.0.1";
    process.env.PORT = "3100";
    expect(publicUrl()).toBe("http://127.0.0.1:3100");
  } finally {
    process.env = saved;
  }
});
