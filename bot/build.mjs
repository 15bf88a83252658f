// Builds the service into bot/dist: one ESM bundle of our TypeScript (bot + shared), with npm
// packages left as imports. `npm start` runs the bundle with plain node (no TypeScript loader at run time).
import { build } from "esbuild";
import { copyFile, mkdir } from "node:fs/promises";

const external = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@paragraf/") ? undefined : { path: args.path, external: true }));
  },
};

await mkdir("bot/dist", { recursive: true });
await build({
  entryPoints: ["bot/src/main.ts"],
  outfile: "bot/dist/main.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  plugins: [external],
  logLevel: "warning",
});
await copyFile("bot/src/storage/pglite-initdb.mjs", "bot/dist/pglite-initdb.mjs");
console.log("built bot/dist/main.js");
