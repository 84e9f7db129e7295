// Pages that work whole as HTML (links, and forms that get or post) send no JavaScript: on a phone
// they paint and answer sooner, with nothing to hydrate (Remix's "Disabling JavaScript" guide).
// A route says so in its handle; a page loads the scripts unless one of its routes declines them.
// Once the scripts run (a page that has them), moving to such a page stays a client navigation.
import { useMatches } from "@remix-run/react";

export const htmlOnly = { scripts: false } as const;

export function usePageWantsScripts(): boolean {
  return !useMatches().some((match) => (match.handle as { scripts?: boolean } | undefined)?.scripts === false);
}
