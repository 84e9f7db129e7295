import { startLocalMeilisearch } from "/work/main/search/local-server";
import { createSearchClient } from "/work/main/search/client";
import { frenchStopWords } from "/work/main/search/stop-words";
const m = await startLocalMeilisearch({ dataRoot: "/tmp/meili-try" });
const c = createSearchClient(m.url, m.masterKey);
const s = await c.index("offers").getSettings();
const a = new Set(s.stopWords); const b = new Set(frenchStopWords);
console.log([...a].filter(x=>!b.has(x)), [...b].filter(x=>!a.has(x)), s.stopWords!.length, frenchStopWords.length);
await m.stop();
