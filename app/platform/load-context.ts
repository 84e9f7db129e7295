// What the server gives every loader and action besides the request.
import type { ValidSession } from "#app/accounts/session.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The signed-in person's session, validated (and renewed) once per request; null when anonymous. */
    session: ValidSession | null;
    /** The client's address (for log-in attempt limits). */
    clientIp: string;
    /** The Content-Security-Policy nonce of this response's inline scripts (absent outside HTTP). */
    cspNonce?: string;
  }
}

export {};
