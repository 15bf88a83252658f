/**
 * Test helper: a throw-away copy of the parts of the repository the packager reads (appPackage/ and
 * env/), so a test can break one thing and feed the copy to the real validator.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Values a provisioned environment would have, as the toolkit writes them. */
export const PROVISIONED_VALUES: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
  AAD_APP_CLIENT_ID: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
  BOT_ID: "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9",
  TAB_DOMAIN: "paragraf-dev-x7k2q9.azurewebsites.net",
  TAB_ENDPOINT: "https://paragraf-dev-x7k2q9.azurewebsites.net",
};

/** A temporary project copy with helpers to edit it; call `remove()` when done. */
export interface ProjectCopy {
  readonly root: string;
  read(path: string): string;
  write(path: string, text: string | Uint8Array): void;
  editJson(path: string, edit: (doc: Record<string, unknown>) => void): void;
  remove(): void;
}

/** Copies appPackage/ (without build output) and env/ (without .user files) to a temp folder. */
export function copyProject(): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), "paragraf-app-package-"));
  cpSync(join(repoRoot, "appPackage"), join(root, "appPackage"), {
    recursive: true,
    filter: (src) => !src.includes(`${join("appPackage", "build")}`),
  });
  cpSync(join(repoRoot, "env"), join(root, "env"), { recursive: true, filter: (src) => !src.endsWith(".user") });
  const copy: ProjectCopy = {
    root,
    read: (path) => readFileSync(join(root, path), "utf8"),
    write: (path, text) => writeFileSync(join(root, path), text),
    editJson: (path, edit) => {
      const doc = JSON.parse(copy.read(path)) as Record<string, unknown>;
      edit(doc);
      copy.write(path, JSON.stringify(doc, null, 2));
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  return copy;
}

/** Fills the provisioned keys in env/.env.<env>, as `atk provision` writes them back. */
export function provision(copy: ProjectCopy, env: string): void {
  let text = copy.read(`env/.env.${env}`);
  for (const [key, value] of Object.entries(PROVISIONED_VALUES)) {
    const line = new RegExp(`^${key}=$`, "m");
    if (!line.test(text)) throw new Error(`env/.env.${env} has no empty ${key}= line to fill`);
    text = text.replace(line, `${key}=${value}`);
  }
  copy.write(`env/.env.${env}`, text);
}
