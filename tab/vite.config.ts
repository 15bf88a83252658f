// Builds the tab (run in tab/, as `npm run build -w tab` does) into tab/dist, which the service serves at `/` (bot/src/http/routes/tab-static.ts).
// JSX through esbuild's automatic runtime: no Babel plugin needed.
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  esbuild: { jsx: "automatic" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      // Fluent's "use client" directives and zod's comment placement are harmless in a client bundle.
      onwarn(warning, warn) {
        if (warning.code === "MODULE_LEVEL_DIRECTIVE" || warning.code === "INVALID_ANNOTATION" || warning.code === "SOURCEMAP_ERROR") return;
        warn(warning);
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:3978" } },
});
