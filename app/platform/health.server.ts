// The state of the three parts the platform depends on, for /healthz and the start-up banner.
import { getDatabase } from "./db.server";
import { mailTransport } from "#emails/transport.server";
import { searchClient } from "#search/client";

interface PartHealth {
  ok: boolean;
  detail: string;
}

export interface Health {
  ok: boolean;
  database: PartHealth;
  search: PartHealth;
  mail: PartHealth;
}

const timeoutMs = 2000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
  ]);
}

async function check(work: () => Promise<string>): Promise<PartHealth> {
  try {
    return { ok: true, detail: await withTimeout(work()) };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

export async function checkHealth(): Promise<Health> {
  const [database, search, mail] = await Promise.all([
    check(async () => {
      const database = getDatabase();
      await database.sql.query("SELECT 1");
      return database.kind;
    }),
    check(async () => {
      const client = searchClient();
      if (!client) throw new Error("no search engine configured");
      const health = await client.health();
      return `meilisearch ${health.status}`;
    }),
    check(async () => {
      const transport = mailTransport();
      if (!transport) throw new Error("no mail transport configured");
      const result = await transport.check();
      if (!result.ok) throw new Error(result.error);
      return transport.kind;
    }),
  ]);
  return { ok: database.ok && search.ok && mail.ok, database, search, mail };
}
