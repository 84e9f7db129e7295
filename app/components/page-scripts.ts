// Pages that work whole as HTML (links, and forms that get or post) send no framework script: on a
// phone they paint and answer sooner, with nothing to hydrate (Remix's "Disabling JavaScript" guide).
// A route says so in its handle; a page loads the framework unless one of its routes declines it.
// Such a page may instead name a few small classic scripts that enhance its HTML as it is.
// Once the framework runs (a page that has it), moving to a page without it stays a client
// navigation, except to a page with its own scripts: that one is loaded as a document.
import { redirectDocument, useMatches, type ClientLoaderFunctionArgs } from "@remix-run/react";

interface PageScripts {
  scripts: false;
  enhancements?: readonly string[];
}

export const htmlOnly: PageScripts = { scripts: false };

/** The handle of a page sent as HTML with its own deferred scripts (their built addresses). */
export const htmlEnhancedBy = (...enhancements: string[]): PageScripts => ({ scripts: false, enhancements });

/** A client navigation to a page with its own scripts becomes a document load, so they run. */
export const loadAsDocument = ({ request }: ClientLoaderFunctionArgs) => redirectDocument(request.url);

/** Whether the page loads the framework, and otherwise which of its own scripts it loads. */
export function usePageScripts(): { framework: boolean; enhancements: string[] } {
  const handles = useMatches().map((match) => match.handle as PageScripts | undefined);
  return {
    framework: !handles.some((handle) => handle?.scripts === false),
    enhancements: handles.flatMap((handle) => handle?.enhancements ?? []),
  };
}
