/**
 * `npm run package -- <env> [--preview] [--dry-run]`: builds and validates the Teams app package for
 * each named environment. Exits 1 on any problem (missing variable, schema error, bad icon), 2 on
 * bad usage.
 */
import { fileURLToPath } from "node:url";
import { relative } from "node:path";
import { listEnvironments } from "./env-files";
import { buildAppPackage } from "./build-package";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the CLI with the given arguments against a project root; returns the process exit code. */
export function runPackageCli(args: readonly string[], root = repoRoot): number {
  const flags = new Set(args.filter((a) => a.startsWith("--")));
  const unknown = [...flags].filter((f) => !["--preview", "--dry-run", "--all"].includes(f));
  const envs = flags.has("--all") ? listEnvironments(root) : args.filter((a) => !a.startsWith("--"));
  if (unknown.length > 0 || envs.length === 0) {
    console.error(`Usage: npm run package -- <environment...> [--preview] [--dry-run]   (or --all)\n` +
      `Environments: ${listEnvironments(root).join(", ")}${unknown.length ? `\nUnknown option: ${unknown.join(", ")}` : ""}`);
    return 2;
  }
  let failed = false;
  for (const env of envs) {
    try {
      const result = buildAppPackage({ root, env, preview: flags.has("--preview"), dryRun: flags.has("--dry-run") });
      if (result.problems.length > 0) {
        failed = true;
        console.error(`✗ ${env}: the app package is not valid:\n${result.problems.map((p) => `  - ${p}`).join("\n")}`);
        continue;
      }
      const standIns = result.standIns.length ? ` (preview: stand-in values for ${result.standIns.join(", ")})` : "";
      const target = result.zipPath ? relative(root, result.zipPath) : "validated only (--dry-run)";
      console.log(`✓ ${env}: manifest v${String(result.manifest?.manifestVersion)} passes the official schema, icons ok → ${target}${standIns}`);
    } catch (error) {
      failed = true;
      console.error(`✗ ${env}: ${(error as Error).message}`);
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = runPackageCli(process.argv.slice(2));
