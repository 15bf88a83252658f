// Lint rules, including the layer boundaries from STYLE.md:
// shared/ is pure (no framework, Node or I/O module), bot/ and tab/ never import each other.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const nodeModules = ["fs", "path", "http", "https", "net", "crypto", "os", "child_process", "stream", "url", "events", "worker_threads", "util", "zlib"];
const ioAndFrameworks = ["pg", "kysely", "pino", "fastify", "jose", "ws", "react", "react-dom", "pdfkit", "docx"];
const restrictedPatterns = ["node:*", "kysely-*", "@electric-sql/*", "@fluentui/*", "@microsoft/*", "@azure/*", "@fastify/*"];

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "**/build/**", ".data/**", "test-results/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", Buffer: "readonly", TextEncoder: "readonly", TextDecoder: "readonly", fetch: "readonly", AbortController: "readonly", AbortSignal: "readonly", structuredClone: "readonly", queueMicrotask: "readonly", performance: "readonly", Response: "readonly", Request: "readonly", Headers: "readonly" } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [...nodeModules, ...ioAndFrameworks].map((name) => ({ name, message: "shared/ is pure: no framework, Node or I/O imports (STYLE.md)." })),
        patterns: [
          { group: restrictedPatterns, message: "shared/ is pure: no framework, Node or I/O imports (STYLE.md)." },
          { group: ["**/bot/**", "**/tab/**", "@paragraf/bot", "@paragraf/tab"], message: "shared/ imports neither bot/ nor tab/." },
        ],
      }],
      "no-restricted-globals": ["error", "process", "Buffer", "fetch"],
    },
  },
  {
    files: ["bot/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/tab/**", "@paragraf/tab"], message: "bot/ never imports tab/." }] }],
    },
  },
  {
    files: ["tab/**/*.ts", "tab/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/bot/**", "@paragraf/bot", "node:*"], message: "tab/ never imports bot/ or Node modules." }] }],
    },
  },
);
