// `npm start` builds the app when build/ is missing or older than its sources.
import { spawnSync } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

const root = process.cwd();
const serverBuild = path.join(root, "build", "server", "index.js");
const sources = ["app", "public", "vite.config.ts", "package-lock.json", "tsconfig.json"];
// Files the launcher runs itself, not through the build.
const notBuilt = [path.join(root, "app", "server"), path.join(root, "app", "cli")];

async function newestChange(target: string): Promise<number> {
  if (notBuilt.some((skip) => target.startsWith(skip))) return 0;
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target);
  const times = await Promise.all(entries.map((entry) => newestChange(path.join(target, entry))));
  return Math.max(info.mtimeMs, ...times);
}

export async function buildIfNeeded(log: (message: string) => void): Promise<string> {
  const built = (await stat(serverBuild).catch(() => null))?.mtimeMs ?? 0;
  const changed = Math.max(...(await Promise.all(sources.map((source) => newestChange(path.join(root, source))))));
  if (built > changed) return serverBuild;
  log(built ? "Sources changed since the last build: building…" : "No build yet: building the app (about 20 s)…");
  const remix = path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js");
  const result = spawnSync(process.execPath, [remix, "vite:build"], { stdio: "inherit", cwd: root });
  if (result.status !== 0) throw new Error("The build failed; see the messages above.");
  return serverBuild;
}
