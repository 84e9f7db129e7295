// The HTTP server: static assets and the Remix request handler, built or through Vite in dev.
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

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
  let closeVite = async () => {};

  if (options.dev) {
    const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
    closeVite = () => vite.close();
    app.use(vite.middlewares);
    app.all("*", createRequestHandler({
      build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
      mode: "development",
    }));
  } else {
    const build = (await import(pathToFileURL(options.serverBuildPath as string).href)) as ServerBuild;
    const clientDir = path.resolve("build", "client");
    // Fingerprinted assets never change; everything else is revalidated.
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(clientDir, { maxAge: "1h" }));
    app.all("*", createRequestHandler({ build, mode: "production" }));
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
