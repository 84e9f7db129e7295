// The server-side Meilisearch client. No key ever reaches the browser: loaders search here.
import { MeilisearchApiError, MeilisearchRequestError, Meilisearch } from "meilisearch";
import { Pool } from "undici";
import { processWide } from "~/process.server";

/**
 * Requests go through an undici connection pool rather than the global `fetch`: fetch's Request,
 * Response and stream objects cost about a millisecond of CPU per search page, 7 % of it
 * (docs/decisions/008-search-page-cpu.md). Without `Accept-Encoding`, Meilisearch answers
 * uncompressed, which on loopback is what we want (gzip made Node wait ~40 ms per response).
 */
function pooledHttpClient(url: string) {
  const pool = new Pool(url, { connections: 32 });
  return async (input: RequestInfo | URL, init: RequestInit = {}): Promise<unknown> => {
    const target = new URL(input instanceof Request ? input.url : input);
    let status: number;
    let text: string;
    try {
      const response = await pool.request({
        path: `${target.pathname}${target.search}`,
        method: (init.method ?? "GET") as "GET",
        headers: Object.fromEntries(new Headers(init.headers)),
        body: init.body as string | undefined,
        signal: init.signal ?? undefined,
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      throw new MeilisearchRequestError(target.toString(), error);
    }
    const body = text === "" ? undefined : JSON.parse(text);
    if (status >= 300) throw new MeilisearchApiError(new Response(null, { status }), body);
    return body;
  };
}

export function createSearchClient(url: string, apiKey: string): Meilisearch {
  return new Meilisearch({ host: url, apiKey, httpClient: pooledHttpClient(url) });
}

const current = processWide<Meilisearch>("search");

export function setSearchClient(client: Meilisearch | undefined) {
  current.set(client);
}

/** The process-wide client, or undefined when the platform runs without a search engine. */
export function searchClient(): Meilisearch | undefined {
  return current.get();
}
