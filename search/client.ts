// The server-side Meilisearch client. No key ever reaches the browser: loaders search here.
import { MeilisearchApiError, MeilisearchRequestError, Meilisearch } from "meilisearch";
import { Pool } from "undici";
import { processWide } from "#app/platform/process.server";

/**
 * How long a page waits for Meilisearch, and for how long after a failure it stops asking: a
 * frozen engine must not hold every search page (the pool's own default waits 300 s). Searches
 * and health checks get the short deadline; writes and task polling (indexing, reindex) the long one.
 */
const searchDeadlines = { searchMs: 1_000, writeMs: 30_000, pauseAfterFailureMs: 10_000 };

const searchPaths = /^\/(multi-search|health|indexes\/[^/]+\/search)$/;

/** Thrown without asking the engine while it is paused after a failure. */
class SearchEnginePaused extends MeilisearchRequestError {}

/**
 * Requests go through an undici connection pool rather than the global `fetch`: fetch's Request,
 * Response and stream objects cost about a millisecond of CPU per search page, 7 % of it
 * (docs/decisions/008-search-page-cpu.md). Without `Accept-Encoding`, Meilisearch answers
 * uncompressed, which on loopback is what we want (gzip made Node wait ~40 ms per response).
 */
function pooledHttpClient(url: string, deadlines: typeof searchDeadlines) {
  const pool = new Pool(url, { connections: 32, connectTimeout: deadlines.searchMs });
  // After a search fails for want of an answer, searches go straight to the caller's fallback.
  let pausedUntil = 0;
  return async (input: RequestInfo | URL, init: RequestInit = {}): Promise<unknown> => {
    const target = new URL(input instanceof Request ? input.url : input);
    const isSearch = searchPaths.test(target.pathname);
    if (isSearch && Date.now() < pausedUntil)
      throw new SearchEnginePaused(target.toString(), new Error("search engine paused after a failure"));
    const deadline = AbortSignal.timeout(isSearch ? deadlines.searchMs : deadlines.writeMs);
    let status: number;
    let text: string;
    try {
      const response = await pool.request({
        path: `${target.pathname}${target.search}`,
        method: (init.method ?? "GET") as "GET",
        headers: Object.fromEntries(new Headers(init.headers)),
        body: init.body as string | undefined,
        signal: init.signal ? AbortSignal.any([init.signal, deadline]) : deadline,
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      if (isSearch) pausedUntil = Date.now() + deadlines.pauseAfterFailureMs;
      throw new MeilisearchRequestError(target.toString(), error);
    }
    const body = text === "" ? undefined : JSON.parse(text);
    if (status >= 300) throw new MeilisearchApiError(new Response(null, { status }), body);
    return body;
  };
}

export function createSearchClient(url: string, apiKey: string, deadlines = searchDeadlines): Meilisearch {
  return new Meilisearch({ host: url, apiKey, httpClient: pooledHttpClient(url, deadlines) });
}

const current = processWide<Meilisearch>("search");

export function setSearchClient(client: Meilisearch | undefined) {
  current.set(client);
}

/** The process-wide client, or undefined when the platform runs without a search engine. */
export function searchClient(): Meilisearch | undefined {
  return current.get();
}
