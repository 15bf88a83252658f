// The environment files: every placeholder the toolkit or the packager fills has a key, every key is
// explained, secrets only ever live in git-ignored .user files, and no tenant's ids are committed.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROVISIONED_KEYS } from "../../appPackage/scripts/build-package";
import { declaredKeys, listEnvironments } from "../../appPackage/scripts/env-files";
import { listPlaceholders } from "../../appPackage/scripts/placeholders";
import { repoRoot } from "./project-copy";

const read = (path: string) => readFileSync(join(repoRoot, path), "utf8");

/** The files whose placeholders an environment's provisioning and packaging fill. */
function filesFor(env: string): string[] {
  const yml = env === "local" ? "teamsapp.local.yml" : "teamsapp.yml";
  const azure = env === "local" ? [] : ["infra/main.parameters.json"];
  return ["appPackage/manifest.json", "appPackage/aad.manifest.json", yml, ...azure];
}

describe.each(listEnvironments(repoRoot))("env/.env.%s", (env) => {
  const text = read(`env/.env.${env}`);
  const keys = declaredKeys(text);

  it("declares a key for every placeholder, and documents every SECRET_ key for the .user file", () => {
    for (const file of filesFor(env)) {
      for (const name of listPlaceholders(read(file))) {
        if (name.startsWith("SECRET_")) {
          expect(text, `${name} (used in ${file}) is documented`).toMatch(new RegExp(`^#.*\\b${name}\\b`, "m"));
          expect(keys, `${name} stays out of the committed file`).not.toContain(name);
        } else {
          expect(keys, `${name} (used in ${file})`).toContain(name);
        }
      }
    }
  });

  it("explains every key in a comment above it", () => {
    let commented = false;
    for (const line of text.split("\n")) {
      if (line.startsWith("#")) commented = true;
      else if (line.trim() === "") commented = false;
      else expect(commented, `comment above ${line}`).toBe(true);
    }
  });

  it("commits no tenant's ids or secrets: the provisioning outputs are empty", () => {
    const values = new Map(text.split("\n").filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
    for (const key of PROVISIONED_KEYS) expect(values.get(key), key).toBe("");
    expect(keys.filter((k) => k.startsWith("SECRET_"))).toEqual([]);
  });

  it("keeps its .user file out of git", () => {
    const check = spawnSync("git", ["check-ignore", "-q", `env/.env.${env}.user`], { cwd: repoRoot });
    expect(check.status).toBe(0);
    expect(spawnSync("git", ["check-ignore", "-q", `env/.env.${env}`], { cwd: repoRoot }).status).toBe(1);
  });
});
