// The HTTP server: static assets and the Remix request handler, built or through Vite in dev.
import { readdirSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type Request, type Response } from "express";
import type { AppLoadContext } from "@remix-run/node";
import "~/load-context";
import { clearedSessionCookie, readSessionToken, sessionCookie, validateSessionToken } from "~/session.server";

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
  app.set("trust proxy", "loopback");
  let closeVite = async () => {};

  // Mutating requests from another origin are refused before any action runs.
  app.use((req, res, next) => {
    if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
    const origin = req.get("origin");
    const crossOrigin = origin ? origin === "null" || new URL(origin).host !== req.get("host") : req.get("sec-fetch-site") === "cross-site";
    if (crossOrigin) {
      res.status(403).type("text/plain; charset=utf-8").send("Requête refusée : elle ne vient pas de ce site.");
      return;
    }
    next();
  });

  if (options.dev) {
    const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
    closeVite = () => vite.close();
    app.use(vite.middlewares);
    app.all("*", createRequestHandler({
      build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
      mode: "development",
      getLoadContext,
    }));
  } else {
    const build = (await import(pathToFileURL(options.serverBuildPath as string).href)) as ServerBuild;
    const clientDir = path.resolve("build", "client");
    // Fingerprinted assets never change; everything else is revalidated.
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    // The few files at the root of the client build (favicon…) are listed once, so that page
    // requests do not each look for a file on disk first.
    const rootFiles = new Set(readdirSync(clientDir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => `/${entry.name}`));
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
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await closeVite();
    },
  };
}

/** Validates the session cookie once per page or action, and sends the cookie again when renewed. */
async function getLoadContext(req: Request, res: Response): Promise<AppLoadContext> {
  const clientIp = req.ip ?? "unknown";
  const token = readSessionToken(req.headers.cookie);
  if (!token) return { session: null, clientIp };
  const url = `${req.protocol}://${req.get("host")}${req.originalUrl}`;
  const session = await validateSessionToken(token);
  if (!session) res.append("Set-Cookie", clearedSessionCookie(url));
  else if (session.renewed) res.append("Set-Cookie", sessionCookie(url, token, session.expiresAt));
  return { session, clientIp };
}
