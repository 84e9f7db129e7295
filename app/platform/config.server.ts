// What the platform learns about itself from configuration, never from a request: its public
// address (for every link in a mail, a feed or a page) and which proxies may tell it a client's
// address. A request's Host and X-Forwarded-* headers are written by whoever sends it.

const loopbackHosts = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function isLoopbackHost(host: string): boolean {
  return loopbackHosts.has(host) || host.startsWith("127.");
}

/**
 * The public address of the site, without a trailing slash: `PUBLIC_URL`, or on the embedded
 * default the address the server listens on (`HOST` and `PORT`, loopback only).
 */
export function publicUrl(): string {
  const configured = process.env.PUBLIC_URL?.trim();
  if (configured) return new URL(configured).origin;
  const host = process.env.HOST ?? "127.0.0.1";
  const port = process.env.PORT && process.env.PORT !== "0" ? process.env.PORT : "3000";
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** The problem with the configured public address, in words for the start-up log; null when fine. */
export function publicUrlProblem(env: Record<string, string | undefined> = process.env): string | null {
  const configured = env.PUBLIC_URL?.trim();
  if (configured) {
    let url: URL;
    try {
      url = new URL(configured);
    } catch {
      return `PUBLIC_URL is not a URL: ${configured}`;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return `PUBLIC_URL must be an http(s) address: ${configured}`;
    return null;
  }
  const host = env.HOST ?? "127.0.0.1";
  if (!isLoopbackHost(host)) {
    return `HOST=${host} serves beyond this machine: set PUBLIC_URL to the address people use (e.g. https://vte.example.fr), so that links in mails and feeds never come from a request's Host header.`;
  }
  return null;
}

/** Whether the public address is served over TLS (Secure cookies, HSTS). */
export function servedOverTls(): boolean {
  return publicUrl().startsWith("https:");
}

/**
 * The proxies allowed to say who the client is (X-Forwarded-For), as Express's `trust proxy`
 * setting: `TRUST_PROXY` (e.g. "10.0.0.5" or "loopback, 10.0.0.0/8"), none by default.
 */
export function trustedProxies(): string | false {
  const configured = process.env.TRUST_PROXY?.trim();
  return configured ? configured : false;
}

/**
 * Who publishes and hosts the service, for the legal notice: from configuration only
 * (LEGAL_PUBLISHER, LEGAL_PUBLISHER_ADDRESS, LEGAL_DIRECTOR, LEGAL_HOST, LEGAL_HOST_ADDRESS,
 * LEGAL_CONTACT_EMAIL, LEGAL_DPO_EMAIL). What is not set says so rather than inventing it.
 */
export function legalIdentity(env: Record<string, string | undefined> = process.env) {
  const setting = (name: string) => env[name]?.trim() || `non renseigné (variable ${name})`;
  return {
    publisher: setting("LEGAL_PUBLISHER"),
    publisherAddress: setting("LEGAL_PUBLISHER_ADDRESS"),
    director: setting("LEGAL_DIRECTOR"),
    host: setting("LEGAL_HOST"),
    hostAddress: setting("LEGAL_HOST_ADDRESS"),
    contactEmail: env.LEGAL_CONTACT_EMAIL?.trim() || null,
    dpoEmail: env.LEGAL_DPO_EMAIL?.trim() || env.LEGAL_CONTACT_EMAIL?.trim() || null,
  };
}
