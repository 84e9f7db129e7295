// The site's stylesheet, written into each page's <head> once built: a first visit paints as soon
// as its HTML arrives instead of waiting one more round trip for a stylesheet (about 6 KB
// compressed per page). The server passes the built file's text down (entry.server.tsx); the
// browser reads it back from the page before hydrating, so the <style> is the same on both sides
// and survives a client re-render. Under `npm run dev` nothing is built: a <link>, as before.
// A live update of a page (htmx) leaves it out: the page it goes into has it, and the copy in the
// response would be refused by the page's security policy as it is read (its nonce is another).
import { createContext, useContext } from "react";
import stylesheetUrl from "#app/app.css?url";
import { useNonce } from "#app/components/nonce";

export const inPageAlready = false;

const StylesheetContext = createContext<string | null | typeof inPageAlready>(null);

export const StylesheetProvider = StylesheetContext.Provider;

export { stylesheetUrl };

const elementId = "feuille-de-style";

const textInPage = typeof document === "undefined" ? null : (document.getElementById(elementId)?.textContent ?? null);

export function Stylesheet() {
  const nonce = useNonce();
  const text = useContext(StylesheetContext) ?? textInPage;
  if (text === inPageAlready) return null;
  if (text === null) return <link rel="stylesheet" href={stylesheetUrl} />;
  return <style id={elementId} nonce={nonce} dangerouslySetInnerHTML={{ __html: text }} />;
}
