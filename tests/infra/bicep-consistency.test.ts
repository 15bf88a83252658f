// No Bicep compiler runs here, so these checks stand in for the parts of its job that break a
// deployment most often: parameters passed that are not declared, required ones not passed, module
// outputs that do not exist, and toolkit outputs the later steps need but the template never sets.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { parse as parseDotenv } from "dotenv";
import { outputReferences, parseBicep, referencedIdentifiers, type BicepFile } from "./bicep-parser";

const root = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string) => readFileSync(join(root, path), "utf8");
const load = (path: string): BicepFile => parseBicep(read(path));

const main = load("infra/main.bicep");
const moduleFiles = readdirSync(join(root, "infra/modules")).filter((f) => f.endsWith(".bicep"));

interface Action { uses: string; with?: Record<string, unknown>; writeToEnvironmentFile?: Record<string, string> }
const yml = parseYaml(read("teamsapp.yml")) as { provision: Action[] };
const armDeploy = yml.provision.find((a) => a.uses === "arm/deploy");
const templates = (armDeploy?.with?.templates ?? []) as Array<{ path: string; parameters: string }>;

it("teamsapp.yml deploys infra/main.bicep with infra/main.parameters.json", () => {
  expect(templates).toEqual([expect.objectContaining({ path: "./infra/main.bicep", parameters: "./infra/main.parameters.json" })]);
});

describe("infra/main.parameters.json", () => {
  const parameters = (JSON.parse(read("infra/main.parameters.json")) as { parameters: Record<string, { value: unknown }> }).parameters;
  const passed = Object.keys(parameters);

  it("passes only parameters main.bicep declares", () => {
    const declared = main.params.map((p) => p.name);
    expect(passed.filter((p) => !declared.includes(p))).toEqual([]);
  });

  it("passes every required parameter of main.bicep", () => {
    const required = main.params.filter((p) => p.required).map((p) => p.name);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((p) => !passed.includes(p))).toEqual([]);
  });

  it("feeds secure parameters only from SECRET_ variables", () => {
    for (const param of main.params.filter((p) => p.secure)) {
      expect(parameters[param.name]?.value).toMatch(/^\$\{\{SECRET_[A-Z_]+\}\}$/);
    }
  });
});

describe.each(main.modules.map((m) => [m.symbol, m] as const))("module %s", (_symbol, call) => {
  const path = join("infra", call.path);

  it("exists", () => {
    expect(existsSync(join(root, path))).toBe(true);
  });

  it("is passed only declared parameters, and every required one", () => {
    const target = load(path);
    const declared = target.params.map((p) => p.name);
    expect(call.params.filter((p) => !declared.includes(p))).toEqual([]);
    expect(target.params.filter((p) => p.required).map((p) => p.name).filter((p) => !call.params.includes(p))).toEqual([]);
  });

  it("has every output main.bicep reads from it", () => {
    const target = load(path);
    for (const ref of outputReferences(main).filter((r) => r.symbol === call.symbol)) {
      expect(target.outputs, `${call.symbol}.outputs.${ref.output}`).toContain(ref.output);
    }
  });
});

it("reads outputs only of modules it declares", () => {
  const symbols = main.modules.map((m) => m.symbol);
  for (const ref of outputReferences(main)) expect(symbols).toContain(ref.symbol);
});

it("calls every module file and leaves no template unused", () => {
  const called = main.modules.map((m) => m.path.replace("./modules/", ""));
  expect([...called].sort()).toEqual([...moduleFiles].sort());
});

describe.each([["main.bicep"], ...moduleFiles.map((f) => [`modules/${f}`])])("infra/%s", (file) => {
  const parsed = load(`infra/${file}`);
  const counts = referencedIdentifiers(parsed);

  it("uses every parameter and variable it declares", () => {
    for (const name of [...parsed.params.map((p) => p.name), ...parsed.variables]) {
      expect(counts.get(name) ?? 0, `${name} is used`).toBeGreaterThan(1);
    }
  });

  it("describes every parameter and output", () => {
    const text = read(`infra/${file}`);
    for (const name of parsed.params.map((p) => p.name)) {
      expect(text, `@description above param ${name}`).toMatch(new RegExp(`@description\\('[^\\n]*\\)\\n([@ \\t\\])][^\\n]*\\n)*param ${name} `));
    }
    for (const name of parsed.outputs) {
      expect(text, `@description above output ${name}`).toMatch(new RegExp(`@description\\('[^\\n]*\\)\\noutput ${name} `));
    }
  });
});

it("outputs every value the toolkit writes back and the later steps read", () => {
  // What deploy and the manifest need from provisioning, beyond the Entra and Teams app actions.
  const needed = ["AZURE_APP_SERVICE_RESOURCE_ID", "TAB_DOMAIN", "TAB_ENDPOINT", "BOT_ID"];
  for (const name of needed) expect(main.outputs).toContain(name);
  const env = Object.keys(parseDotenv(read("env/.env.dev")));
  for (const name of main.outputs) expect(env, `env/.env.dev documents output ${name}`).toContain(name);
});

it("keeps the module folder next to main.bicep", () => {
  for (const call of main.modules) expect(dirname(call.path)).toBe("./modules");
});
