import { defineConfig } from "vitest/config";

// One suite for the whole repository: unit tests beside the code, integration suites in tests/.
export default defineConfig({
  test: {
    include: ["shared/src/**/*.test.ts", "bot/src/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", "tests/bench/**"],
    env: { TZ: "UTC" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default"],
  },
});
