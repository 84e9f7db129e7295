// The server-side Meilisearch client. No key ever reaches the browser: loaders search here.
import { Meilisearch } from "meilisearch";

export function createSearchClient(url: string, apiKey: string): Meilisearch {
  return new Meilisearch({
    host: url,
    apiKey,
    // Node waits ~40 ms per gzip response on loopback; identity encoding answers in 3–5 ms.
    requestInit: { headers: { "Accept-Encoding": "identity" } },
  });
}

const globalKey = Symbol.for("vte.search");
type GlobalWithSearch = typeof globalThis & { [globalKey]?: Meilisearch };

export function setSearchClient(client: Meilisearch | undefined) {
  (globalThis as GlobalWithSearch)[globalKey] = client;
}

/** The process-wide client, or undefined when the platform runs without a search engine. */
export function searchClient(): Meilisearch | undefined {
  return (globalThis as GlobalWithSearch)[globalKey];
}
