import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Prisma 7's env() helper throws when the variable is unset; the embedded default has none.
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
