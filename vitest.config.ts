import { defineConfig } from "vitest/config";

const exclude = ["**/node_modules/**", "tests/bench/**", "**/dist/**"];

// One suite for the whole repository: unit tests beside the code, integration suites in tests/.
// The shared domain tests run twice: in Node and in a browser-like environment (happy-dom),
// since the tab runs the same reducer in the browser.
export default defineConfig({
  test: {
    env: { TZ: "UTC" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "node", include: ["shared/src/**/*.test.ts", "bot/src/**/*.test.ts", "tests/**/*.test.ts", "tab/src/**/*.test.ts"], exclude },
      },
      {
        extends: true,
        test: { name: "shared-browser", include: ["shared/src/**/*.test.ts"], exclude, environment: "happy-dom" },
      },
    ],
  },
});
