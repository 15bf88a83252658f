// teamsapp.yml and teamsapp.local.yml, read as the Agents Toolkit runs them: actions in order, each
// one's ${{VAR}} inputs available by the time it runs (from the env file, an earlier action's
// writeToEnvironmentFile, or the Bicep outputs of arm/deploy), and every path they name present.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { parse as parseDotenv } from "dotenv";
import { listPlaceholders } from "../../appPackage/scripts/placeholders";
import { parseBicep } from "./bicep-parser";

const root = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string) => readFileSync(join(root, path), "utf8");

interface Action { uses: string; name?: string; with?: Record<string, unknown>; env?: Record<string, string>; writeToEnvironmentFile?: Record<string, string> }
interface ToolkitYml { version: string; environmentFolderPath: string; provision: Action[]; deploy: Action[]; publish?: Action[] }

/** Values a person supplies before provisioning (the toolkit prompts for the Azure ones). */
const SUPPLIED_BEFORE_PROVISION: Record<string, string[]> = {
  dev: ["AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP_NAME", "SECRET_POSTGRES_ADMIN_PASSWORD"],
  local: ["TAB_ENDPOINT", "TAB_DOMAIN"],
};

const cases = [
  { file: "teamsapp.yml", env: "dev" },
  { file: "teamsapp.local.yml", env: "local" },
] as const;

/** Paths an action reads, relative to the repository root. */
function pathsOf(action: Action): string[] {
  const w = action.with ?? {};
  const paths = ["manifestPath", "ignoreFile"].map((k) => w[k]).filter((p): p is string => typeof p === "string");
  for (const t of (w.templates ?? []) as Array<{ path: string; parameters: string }>) paths.push(t.path, t.parameters);
  return paths;
}

describe.each(cases)("$file", ({ file, env }) => {
  const yml = parseYaml(read(file)) as ToolkitYml;
  const uses = (stage: Action[]) => stage.map((a) => a.uses);

  it("is in the Agents Toolkit v1.x format and reads env/", () => {
    expect(yml.version).toBe("v1.11");
    expect(read(file)).toMatch(/^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/v1\.11\/yaml\.schema\.json/);
    expect(yml.environmentFolderPath).toBe("./env");
  });

  it("provisions the Teams app, the SSO app registration and the bot, then validates, zips and updates", () => {
    const steps = uses(yml.provision);
    const order = (a: string, b: string) => expect(steps.indexOf(a), `${a} before ${b}`).toBeLessThan(steps.lastIndexOf(b));
    for (const step of ["teamsApp/create", "aadApp/create", "aadApp/update", "teamsApp/validateManifest", "teamsApp/zipAppPackage", "teamsApp/validateAppPackage", "teamsApp/update"]) {
      expect(steps).toContain(step);
    }
    order("aadApp/create", "aadApp/update");
    order("teamsApp/validateManifest", "teamsApp/zipAppPackage");
    order("teamsApp/zipAppPackage", "teamsApp/validateAppPackage");
    order("teamsApp/validateAppPackage", "teamsApp/update");
    if (env === "dev") {
      // The Bicep needs the SSO client id; aadApp/update needs the host name the Bicep outputs.
      order("aadApp/create", "arm/deploy");
      order("arm/deploy", "aadApp/update");
      expect(steps).not.toContain("botFramework/create");
    } else {
      order("aadApp/create", "botFramework/create");
      expect(steps).not.toContain("arm/deploy");
    }
  });

  it("exposes the access_as_user scope through appPackage/aad.manifest.json", () => {
    const update = yml.provision.find((a) => a.uses === "aadApp/update");
    expect(update?.with?.manifestPath).toBe("./appPackage/aad.manifest.json");
    const sso = yml.provision.find((a) => a.uses === "aadApp/create" && a.writeToEnvironmentFile?.clientId === "AAD_APP_CLIENT_ID");
    expect(sso?.with).toMatchObject({ signInAudience: "AzureADMyOrg", generateClientSecret: false });
  });

  it("zips to the same path `npm run package` writes", () => {
    for (const action of [...yml.provision, ...(yml.publish ?? [])].filter((a) => a.uses === "teamsApp/zipAppPackage")) {
      expect(action.with?.outputZipPath).toBe("./appPackage/build/paragraf-${{TEAMSFX_ENV}}.zip");
    }
  });

  it("names only files that exist", () => {
    for (const action of [...yml.provision, ...yml.deploy, ...(yml.publish ?? [])]) {
      for (const path of pathsOf(action)) expect(existsSync(join(root, path)), `${action.uses}: ${path}`).toBe(true);
    }
  });

  it("has every variable an action needs by the time the action runs", () => {
    const envValues = parseDotenv(read(`env/.env.${env}`));
    const available = new Set(Object.entries(envValues).filter(([, v]) => v !== "").map(([k]) => k));
    for (const key of SUPPLIED_BEFORE_PROVISION[env] ?? []) available.add(key);
    const outputs = parseBicep(read("infra/main.bicep")).outputs;
    for (const action of [...yml.provision, ...yml.deploy]) {
      const inputs = new Set(listPlaceholders(JSON.stringify({ with: action.with, env: action.env })));
      for (const path of pathsOf(action).filter((p) => p.endsWith(".json"))) {
        for (const name of listPlaceholders(read(path))) inputs.add(name);
      }
      // aadApp/update generates the scope id itself the first time and writes it back.
      if (action.uses === "aadApp/update") inputs.delete("AAD_APP_ACCESS_AS_USER_PERMISSION_ID");
      for (const name of inputs) expect(available.has(name), `${action.uses} needs ${name}`).toBe(true);
      for (const name of Object.values(action.writeToEnvironmentFile ?? {})) available.add(name);
      if (action.uses === "arm/deploy") for (const name of outputs) available.add(name);
    }
  });

  it("keeps values the provisioning writes in the env file, secrets in the .user file", () => {
    const keys = Object.keys(parseDotenv(read(`env/.env.${env}`)));
    for (const action of yml.provision) {
      for (const name of Object.values(action.writeToEnvironmentFile ?? {})) {
        if (name.startsWith("SECRET_")) expect(read(`env/.env.${env}`)).toMatch(new RegExp(`^#.*\\b${name}\\b`, "m"));
        else expect(keys, `${action.uses} writes ${name}`).toContain(name);
      }
    }
  });
});

describe("teamsapp.yml deploy and publish", () => {
  const yml = parseYaml(read("teamsapp.yml")) as ToolkitYml;

  it("builds with npm, then zip-deploys to the App Service the Bicep created", () => {
    const npm = yml.deploy.filter((a) => a.uses === "cli/runNpmCommand").map((a) => String(a.with?.args));
    expect(npm[0]).toMatch(/^ci\b/);
    expect(npm).toContain("run build --if-present");
    const zip = yml.deploy.at(-1);
    expect(zip?.uses).toBe("azureAppService/zipDeploy");
    expect(zip?.with).toMatchObject({ artifactFolder: ".", resourceId: "${{AZURE_APP_SERVICE_RESOURCE_ID}}" });
  });

  it("leaves secrets, tests and local data out of the deployed zip", () => {
    const ignore = read("infra/webapp.ignore").split("\n").filter((l) => l && !l.startsWith("#"));
    for (const entry of ["env/", ".data/", ".localConfigs", "tests/", ".git/"]) expect(ignore).toContain(entry);
    expect(ignore).not.toContain("node_modules/");
  });

  it("publishes the package to the org's app catalog", () => {
    expect((yml.publish ?? []).map((a) => a.uses)).toEqual([
      "teamsApp/validateManifest", "teamsApp/zipAppPackage", "teamsApp/validateAppPackage", "teamsApp/update", "teamsApp/publishAppPackage",
    ]);
  });
});
