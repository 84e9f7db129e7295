// The platform as `npm start` runs it, in a child process, for tests that need real HTTP: headers,
// body limits, what a request claims about itself, Meilisearch killed or frozen. It gets its own
// copy of the template database and, unless told otherwise, its own local Meilisearch (so a test
// may stop or freeze it) and mail written to files in its data folder.
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { inject } from "vitest";
import { isPostgresUrl, openDatabase, type Database } from "#app/platform/db.server";
import { processTree } from "#tests/processes";
import { adminUrl } from "./global-setup";
import { killLeftovers } from "./support";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../..");
let started = 0;

export interface RunningPlatform {
  url: string;
  /** The process `npm start` runs (the primary). */
  pid: number;
  dataDir: string;
  /** The platform's own Meilisearch. */
  meiliPid: number;
  output(): string;
  /** The mails written so far, oldest first. */
  mails(): Promise<{ to: string; subject: string; text: string }[]>;
  stop(): Promise<void>;
}

/**
 * Starts the platform on a fresh copy of the template database. `prepare` runs on that database
 * before the platform opens it (PGlite has one owner at a time).
 */
export async function startPlatform(
  options: { env?: Record<string, string>; args?: string[]; prepare?: (database: Database) => Promise<void> } = {},
): Promise<RunningPlatform> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "vte-platform-"));
  const template = inject("databaseTemplate");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    VTE_DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    WEB_CONCURRENCY: "1",
    NODE_ENV: "production",
    // Tests bring their own data; the first-start demo world is tested on its own.
    VTE_DEMO: "0",
    ...options.env,
  };
  for (const name of ["MEILI_URL", "MEILI_MASTER_KEY", "SMTP_URL", "PUBLIC_URL", "TRUST_PROXY"]) if (!options.env?.[name]) delete env[name];
  let dropDatabase = async () => {};
  if (isPostgresUrl(template)) {
    const name = `vte_test_${inject("runId")}_platform_${process.pid}_${++started}`;
    const admin = new pg.Client({ connectionString: adminUrl(template) });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${new URL(template).pathname.slice(1)}"`);
    await admin.end();
    env.DATABASE_URL = adminUrl(template, name);
    dropDatabase = async () => {
      const dropper = new pg.Client({ connectionString: adminUrl(template) });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    };
  } else {
    delete env.DATABASE_URL;
    await cp(template, path.join(dataDir, "pglite"), { recursive: true });
  }
  if (options.prepare) {
    const database = await openDatabase({ url: env.DATABASE_URL, pgliteDir: path.join(dataDir, "pglite") });
    try {
      await options.prepare(database);
    } finally {
      await database.close();
    }
  }

  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "app/server/start.ts", ...(options.args ?? [])],
    {
      cwd: root,
      env,
    },
  );
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 170_000;
  while (!output.includes("Ctrl-C stops everything.")) {
    if (child.exitCode !== null) throw new Error(`the platform exited at start-up:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the platform did not come up:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = /Plateforme VTE .*: (http:\/\/\S+)/.exec(output)?.[1] ?? "";
  const meiliPid = Number(/\(local, PID (\d+)/.exec(output)?.[1] ?? 0);
  const pids = [...processTree(child.pid as number), meiliPid];
  const mailDir = path.join(dataDir, "mail");
  return {
    url,
    pid: child.pid as number,
    dataDir,
    meiliPid,
    output: () => output,
    async mails() {
      const files = (await readdir(mailDir).catch(() => [] as string[])).filter((file) => file.endsWith(".eml")).sort();
      return Promise.all(
        files.map(async (file) => {
          const mail = await simpleParser(await readFile(path.join(mailDir, file)));
          const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
          return { to, subject: mail.subject ?? "", text: mail.text ?? "" };
        }),
      );
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      }
      killLeftovers([...pids, ...processTree(child.pid as number)]);
      await dropDatabase();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The bytes as they came (compressed when the request accepted it). */
  raw: Buffer;
}

/**
 * One HTTP request with exactly the headers given (fetch would set Host, Origin and the content
 * type itself): what an attacker's client sends.
 */
export function rawRequest(
  baseUrl: string,
  options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer },
): Promise<RawResponse> {
  const target = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(
      // A connection per request: one whose body was cut short is never reused.
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? "GET",
        path: options.path,
        headers: { Connection: "keep-alive", ...options.headers },
        setHost: !options.headers?.Host && !options.headers?.host,
        agent: false,
      },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const raw = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: raw.toString("utf8"), raw });
          request.destroy();
        });
        response.on("error", reject);
      },
    );
    request.setTimeout(30_000, () => request.destroy(new Error("no answer within 30 s")));
    request.on("error", (error: NodeJS.ErrnoException) => {
      // A server that refuses a body before reading it (413) closes while it is still being sent:
      // its answer may still be on its way.
      if (error.code === "EPIPE" || error.code === "ECONNRESET") setTimeout(() => !answered && reject(error), 2_000);
      else reject(error);
    });
    // Sent in pieces, stopping once the server has answered: a server that refuses a body before
    // reading it answers after the first piece and closes.
    const body = options.body === undefined ? Buffer.alloc(0) : Buffer.from(options.body);
    void (async () => {
      for (let offset = 0; offset < body.byteLength; offset += 16_384) {
        if (answered || request.destroyed) return;
        await new Promise<void>((done) => request.write(body.subarray(offset, offset + 16_384), () => done()));
      }
      if (!answered && !request.destroyed) request.end();
    })();
  });
}

/** A form body as a browser sends it. */
export function formBody(fields: Record<string, string>): { body: string; headers: Record<string, string | number> } {
  const body = new URLSearchParams(fields).toString();
  return { body, headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } };
}
