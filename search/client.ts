// The server-side Meilisearch client. No key ever reaches the browser: loaders search here.
import { Meilisearch } from "meilisearch";
import { processWide } from "~/process.server";

export function createSearchClient(url: string, apiKey: string): Meilisearch {
  return new Meilisearch({
    host: url,
    apiKey,
    // Node waits ~40 ms per gzip response on loopback; identity encoding answers in 3–5 ms.
    requestInit: { headers: { "Accept-Encoding": "identity" } },
  });
}

const current = processWide<Meilisearch>("search");

export function setSearchClient(client: Meilisearch | undefined) {
  current.set(client);
}

/** The process-wide client, or undefined when the platform runs without a search engine. */
export function searchClient(): Meilisearch | undefined {
  return current.get();
}
