// The built stylesheet's text, read once per process from the client build; null when it was not
// built (under `npm run dev`, Vite serves it), and the page then links to it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { processWide } from "#app/platform/process.server";

const slot = processWide<Map<string, string | null>>("builtStylesheets");

export function builtStylesheetText(url: string): string | null {
  const known = slot.get() ?? new Map<string, string | null>();
  slot.set(known);
  if (!known.has(url)) known.set(url, url.startsWith("/assets/") ? readBuiltFile(url) : null);
  return known.get(url) ?? null;
}

function readBuiltFile(url: string): string | null {
  try {
    return readFileSync(path.resolve("build", "client", `.${url}`), "utf8");
  } catch {
    return null;
  }
}
