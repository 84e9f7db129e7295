// The HTTP server: static assets and the Remix request handler, built or through Vite in dev;
// responses compressed (compression), one log line per page request without personal data
// (morgan), and a close that lets requests in flight finish.
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import expressStaticGzip from "express-static-gzip";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import morgan from "morgan";
import onHeaders from "on-headers";
import type { AppLoadContext } from "@remix-run/node";
import { publicUrl, servedOverTls, trustedProxies } from "#app/platform/config.server";
import "#app/platform/load-context";
import { clearedSessionCookie, readSessionToken, sessionCookie, validateSessionToken } from "#app/accounts/session.server";

export interface HttpServer {
  url: string;
  close(): Promise<void>;
}

export async function startHttpServer(options: {
  host: string;
  port: number;
  dev: boolean;
  serverBuildPath?: string;
}): Promise<HttpServer> {
  const app = express();
  app.disable("x-powered-by");
  // X-Forwarded-For is believed only from the proxies the operator names (TRUST_PROXY).
  app.set("trust proxy", trustedProxies());
  let closeVite = async () => {};

  app.use(requestLog);
  app.use(sharedCachingLimits);
  app.use(refuseUnsafeRequests);
  app.use(securityHeaders(options.dev));
  // gzip or brotli when the browser accepts it: pages, the stylesheet and the scripts travel at a
  // fraction of their size.
  app.use(compression());

  if (options.dev) {
    const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
    closeVite = () => vite.close();
    app.use(vite.middlewares);
    app.all(
      "*",
      createRequestHandler({
        build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
        mode: "development",
        getLoadContext,
      }),
    );
  } else {
    const build = (await import(pathToFileURL(options.serverBuildPath as string).href)) as ServerBuild;
    const clientDir = path.resolve("build", "client");
    // Fingerprinted assets never change; everything else is revalidated. They were compressed at
    // build (vite.config.ts): the browser gets the brotli or gzip file as it is.
    app.use(
      "/assets",
      expressStaticGzip(path.join(clientDir, "assets"), {
        enableBrotli: true,
        orderPreference: ["br", "gz"],
        serveStatic: { immutable: true, maxAge: "1y" },
      }),
    );
    // The few files at the root of the client build (favicon…) are listed once, so that page
    // requests do not each look for a file on disk first.
    const rootFiles = new Set(
      readdirSync(clientDir, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `/${entry.name}`),
    );
    const rootStatic = express.static(clientDir, { maxAge: "1h" });
    app.use((req, res, next) => (rootFiles.has(req.path) ? rootStatic(req, res, next) : next()));
    app.all("*", createRequestHandler({ build, mode: "production", getLoadContext }));
  }

  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(options.port, options.host, () => resolve(listening));
    listening.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}`,
    /** Stops accepting, lets the requests in flight finish (10 s at most), then closes. */
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A connection kept alive after its last answer, or a request that never ends.
        const idle = setInterval(() => server.closeIdleConnections(), 100);
        const forced = setTimeout(() => server.closeAllConnections(), closeGraceMs);
        server.once("close", () => {
          clearInterval(idle);
          clearTimeout(forced);
        });
      });
      await closeVite();
    },
  };
}

/** How long requests in flight may take to finish once the server is asked to stop. */
const closeGraceMs = 10_000;

/** Routes whose last segment is a secret (app/routes.ts: the `:token` routes). */
const tokenRoutes = /^\/(verification|mot-de-passe-oublie|desabonnement|invitation)\/[^/]+$/;

/** The path as the log shows it: without its query string, and a token in the path replaced. */
export function loggedPath(path: string): string {
  return path.replace(tokenRoutes, "/$1/[jeton]");
}

/**
 * One line per request: method, path without its query string (which may carry what a person
 * searched), status, size and time. No address, no cookie, no user agent, no token. Fingerprinted
 * assets are left out.
 */
// The path as requested: inside a middleware mounted on /assets, `req.path` has lost its mount.
const requestedPath = (req: Request) => req.originalUrl.split("?")[0];
morgan.token("path-only", (req) => loggedPath(requestedPath(req as Request)));
const requestLog = morgan(":method :path-only :status :res[content-length] - :response-time ms", {
  skip: (req) => requestedPath(req as Request).startsWith("/assets/"),
});

/**
 * Request bodies above these sizes are refused before they are read. The profile form takes a CV
 * of 2 MB; a somewhat larger file is still read, so that the form answers at its field and keeps
 * what was typed.
 */
const bodyLimits = { form: 256 * 1024, cvUpload: 8 * 1024 * 1024 };
const cvUploadPaths = new Set(["/etudiant/profil", "/etudiant/profil.data"]);
const formContentTypes = ["application/x-www-form-urlencoded", "multipart/form-data"];

function refuse(res: Response, status: number, message: string) {
  // The body of a refused request is discarded as it comes, never parsed or kept, so that the
  // connection serves the next request at once; one still arriving after two seconds is cut off.
  // (Closing at once would reset the connection under the client and lose this answer.)
  const req = res.req;
  req.resume();
  const linger = setTimeout(() => req.socket.destroy(), 2_000);
  req.once("end", () => clearTimeout(linger));
  req.socket.once("close", () => clearTimeout(linger));
  res.status(status).type("text/plain; charset=utf-8").send(message);
}

/**
 * What no page of the site accepts, refused before anything reads the body: other methods than
 * GET, HEAD, POST and OPTIONS (TRACE included), posts from another origin (compared with the
 * configured public address, never with the request's own Host), malformed Origin headers,
 * bodies that are not a form, and bodies over the limit.
 */
function refuseUnsafeRequests(req: Request, res: Response, next: NextFunction) {
  // The request's own idea of the host is replaced by the configured one, so that nothing
  // downstream (Remix's request URL, its check of Origin against Host) can be steered by it.
  delete req.headers["x-forwarded-host"];
  req.headers.host = new URL(publicUrl()).host;
  if (!["GET", "HEAD", "POST", "OPTIONS"].includes(req.method)) {
    res.set("Allow", "GET, HEAD, POST, OPTIONS");
    return refuse(res, 405, "Méthode non acceptée.");
  }
  if (req.method !== "POST") return next();
  const origin = req.get("origin");
  if (origin !== undefined) {
    let sameSite = false;
    try {
      sameSite = origin !== "null" && new URL(origin).origin === publicUrl();
    } catch {
      // a malformed Origin is refused like a foreign one
    }
    if (!sameSite) return refuse(res, 403, "Requête refusée : elle ne vient pas de ce site.");
  } else if (req.get("sec-fetch-site") === "cross-site") {
    return refuse(res, 403, "Requête refusée : elle ne vient pas de ce site.");
  }
  const type = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!formContentTypes.includes(type)) return refuse(res, 415, "Requête refusée : seul un formulaire peut être envoyé ici.");
  const declared = req.get("content-length");
  if (declared === undefined) return refuse(res, 411, "Requête refusée : la taille du formulaire doit être annoncée.");
  const limit = cvUploadPaths.has(req.path) ? bodyLimits.cvUpload : bodyLimits.form;
  if (!/^\d+$/.test(declared) || Number(declared) > limit) {
    return refuse(
      res,
      413,
      limit === bodyLimits.cvUpload
        ? "Formulaire trop volumineux : le CV fait 2 Mo au plus. Revenez en arrière et choisissez un fichier plus léger."
        : `Formulaire trop volumineux : ${Math.round(limit / 1024)} Ko au plus.`,
    );
  }
  next();
}

/**
 * Security headers by helmet: a Content-Security-Policy that lets only this site's scripts and
 * styles apply (Remix's inline scripts and the inline stylesheet carry a per-response nonce), no
 * framing, nosniff, a strict referrer policy, and HSTS when the public address is https. Under
 * `npm run dev` Vite's client needs more.
 */
function securityHeaders(dev: boolean) {
  const responseNonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce}'`;
  const policy = helmet({
    contentSecurityPolicy: dev
      ? false
      : {
          useDefaults: false,
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'", responseNonce],
            styleSrc: ["'self'", responseNonce],
            imgSrc: ["'self'", "data:"],
            fontSrc: ["'self'"],
            connectSrc: ["'self'"],
            formAction: ["'self'"],
            frameAncestors: ["'none'"],
            baseUri: ["'self'"],
            objectSrc: ["'none'"],
          },
        },
    strictTransportSecurity: servedOverTls() ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    policy(req, res, next);
  };
}

/**
 * Shared caches never keep a response that sets a cookie; a 304 carries no new Content-Security-
 * Policy, so that the stored page keeps the one whose nonce it holds (app/entry.server.tsx).
 */
function sharedCachingLimits(_req: Request, res: Response, next: NextFunction) {
  onHeaders(res, () => {
    if (res.getHeader("Set-Cookie")) res.setHeader("Cache-Control", "private, no-store");
    if (res.statusCode === 304) res.removeHeader("Content-Security-Policy");
  });
  next();
}

/**
 * Validates the session cookie once per page or action, and sends the cookie again when renewed.
 * A signed-in person's pages are never stored by a browser or a shared cache.
 */
async function getLoadContext(req: Request, res: Response): Promise<AppLoadContext> {
  const base = { clientIp: req.ip ?? "unknown", cspNonce: res.locals.cspNonce as string };
  const token = readSessionToken(req.headers.cookie);
  if (!token) return { session: null, ...base };
  const session = await validateSessionToken(token);
  if (!session) res.append("Set-Cookie", clearedSessionCookie());
  else {
    if (session.renewed) res.append("Set-Cookie", sessionCookie(token, session.expiresAt));
    onHeaders(res, () => res.setHeader("Cache-Control", "private, no-store"));
  }
  return { session, ...base };
}
