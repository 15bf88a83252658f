// `npm run package` as a person uses it: clear messages and exit codes.
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { listEnvironments } from "../../appPackage/scripts/env-files";
import { runPackageCli } from "../../appPackage/scripts/package-cli";
import { copyProject, repoRoot } from "./project-copy";

let output: string[];
beforeEach(() => {
  output = [];
  const record = (...args: unknown[]) => void output.push(args.join(" "));
  vi.spyOn(console, "log").mockImplementation(record);
  vi.spyOn(console, "error").mockImplementation(record);
});
afterEach(() => vi.restoreAllMocks());

it("prints usage and exits 2 without an environment", () => {
  expect(runPackageCli([])).toBe(2);
  expect(output.join("\n")).toMatch(/Usage: npm run package -- <environment\.\.\.>[\s\S]*Environments: .*\bdev\b.*\blocal\b/);
});

it("rejects an unknown option", () => {
  expect(runPackageCli(["dev", "--force"])).toBe(2);
  expect(output.join("\n")).toContain("Unknown option: --force");
});

it("exits 1 naming the environment file that does not exist", () => {
  expect(runPackageCli(["nosuch", "--dry-run"])).toBe(1);
  expect(output.join("\n")).toContain(`✗ nosuch: No environment file env/.env.nosuch. Known environments: ${listEnvironments(repoRoot).join(", ")}.`);
});

it("validates every environment as a preview", () => {
  expect(runPackageCli(["--all", "--preview", "--dry-run"])).toBe(0);
  expect(output).toHaveLength(listEnvironments(repoRoot).length);
  expect(output[0]).toMatch(/^✓ dev: manifest v1\.\d+ passes the official schema, icons ok → validated only/);
  expect(output[1]).toMatch(/^✓ local: /);
});

it("exits 1 naming the missing variables of an unprovisioned environment", () => {
  const copy = copyProject();
  try {
    expect(runPackageCli(["local"], copy.root)).toBe(1);
    expect(output.join("\n")).toMatch(/^✗ local: the app package is not valid:\n {2}- Missing values in env\/\.env\.local \(or env\/\.env\.local\.user\) for: TEAMS_APP_ID, TAB_ENDPOINT, BOT_ID, TAB_DOMAIN, AAD_APP_CLIENT_ID\.\n {2}.*stay empty until the environment is provisioned \(see the comments in env\/\.env\.local\):\n {2}run `atk provision --env local` first,/);
  } finally {
    copy.remove();
  }
});

it("sets the process exit code when run as the npm script", () => {
  const run = spawnSync(join(repoRoot, "node_modules/.bin/tsx"), [join(repoRoot, "appPackage/scripts/package-cli.ts"), "nosuch"], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("✗ nosuch: No environment file env/.env.nosuch.");
});
