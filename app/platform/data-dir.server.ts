import path from "node:path";

/** Where the embedded services keep their files: ./data, or VTE_DATA_DIR (tests use a temporary one). */
export function dataRoot(): string {
  return path.resolve(process.env.VTE_DATA_DIR ?? "data");
}

/** Where a running `npm start` writes the address it serves, for tools run beside it. */
export const serverUrlFile = path.join(dataRoot(), "server.url");
