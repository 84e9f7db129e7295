// Vitest without the Remix plugin (it must stay out of tests). Unit tests sit beside their code;
// integration tests run against a real PostgreSQL (DATABASE_URL) or PGlite, and a real Meilisearch.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.ts", "search/**/*.test.ts", "prisma/**/*.test.ts", "emails/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Each file gets its own database copy; two at a time suit this 2-core machine.
          maxWorkers: 2,
        },
      },
    ],
  },
});
