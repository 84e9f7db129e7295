// The built stylesheet's text, read once per process from the client build; null when it was not
// built (under `npm run dev`, Vite serves it), and the page then links to it. The file's address
// is fixed for a build, so one read serves every page.
import { readFileSync } from "node:fs";
import path from "node:path";

let builtText: string | null | undefined;

export function builtStylesheetText(url: string): string | null {
  builtText ??= url.startsWith("/assets/") ? readBuiltFile(url) : null;
  return builtText;
}

function readBuiltFile(url: string): string | null {
  try {
    return readFileSync(path.resolve("build", "client", `.${url}`), "utf8");
  } catch {
    return null;
  }
}
