import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { constants } from "node:zlib";
import { defineConfig } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    tailwindcss(),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    // Scripts and stylesheet compressed once at build, at the strongest settings (brotli saves
    // about an eighth of the framework chunk over on-the-fly compression), served as they are.
    !isSsrBuild &&
      compression({
        include: /\.(js|css|svg)$/,
        algorithms: [
          defineAlgorithm("brotliCompress", { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
          defineAlgorithm("gzip", { level: 9 }),
        ],
        logLevel: "silent",
      }),
  ],
  // PGlite's .wasm and .data files are not emitted when it is bundled; load it from node_modules.
  ssr: { external: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/client", "pg"] },
  server: { host: "127.0.0.1" },
}));
