// The validator must refuse a broken package: each case copies appPackage/ and env/, breaks one
// thing, and feeds the copy to the same build the `npm run package` CLI runs.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { buildAppPackage } from "../../appPackage/scripts/build-package";
import { renderSvg } from "../../appPackage/scripts/draw-icons";
import { colorIconSvg } from "../../appPackage/scripts/icon-art";
import { copyProject, provision, type ProjectCopy } from "./project-copy";

let copy: ProjectCopy;
beforeEach(() => {
  copy = copyProject();
  provision(copy, "dev");
});
afterEach(() => copy.remove());

function problems(): string[] {
  return buildAppPackage({ root: copy.root, env: "dev" }).problems;
}

function solidPng(width: number, height: number, rgba: [number, number, number, number]): Uint8Array {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) png.data.set(rgba, i);
  return PNG.sync.write(png);
}

type Tab = { context: string[]; scopes: string[]; configurationUrl: string };
const firstTab = (doc: Record<string, unknown>) => (doc.configurableTabs as Tab[])[0] as Tab;

it("passes unbroken, so every failure below is the break's doing", () => {
  expect(problems()).toEqual([]);
});

describe("manifest", () => {
  it("fails on a context Teams does not know", () => {
    copy.editJson("appPackage/manifest.json", (doc) => {
      firstTab(doc).context = ["meetingSidePanel", "meetingSidebar"];
    });
    const found = problems();
    expect(found.join("\n")).toMatch(/configurableTabs\/0\/context\/1 must be equal to one of the allowed values/);
    expect(existsSync(join(copy.root, "appPackage/build/paragraf-dev.zip"))).toBe(false);
  });

  it("fails on a scope configurable tabs cannot have", () => {
    copy.editJson("appPackage/manifest.json", (doc) => {
      firstTab(doc).scopes = ["personal"];
    });
    expect(problems().join("\n")).toMatch(/configurableTabs\/0\/scopes\/0 must be equal to one of the allowed values/);
  });

  it("fails on a property the schema does not define", () => {
    copy.editJson("appPackage/manifest.json", (doc) => {
      doc.meetingSurface = ["sidePanel"];
    });
    expect(problems().join("\n")).toMatch(/must NOT have additional properties.*meetingSurface/);
  });

  it("fails when a tab URL's domain is not in validDomains", () => {
    copy.editJson("appPackage/manifest.json", (doc) => {
      firstTab(doc).configurationUrl = "https://elsewhere.example.org/config";
    });
    expect(problems()).toContain("tab URL https://elsewhere.example.org/config is on elsewhere.example.org, which is not in validDomains");
  });

  it("fails when the SSO resource does not end in the app id", () => {
    copy.editJson("appPackage/manifest.json", (doc) => {
      (doc.webApplicationInfo as { resource: string }).resource = "api://${{TAB_DOMAIN}}/00000000-0000-4000-8000-000000000999";
    });
    expect(problems().join("\n")).toMatch(/webApplicationInfo\.resource ends in 00000000-0000-4000-8000-000000000999, not the app id/);
  });

  it("fails on a placeholder the environment file has no value for, naming it", () => {
    copy.write("appPackage/manifest.json", copy.read("appPackage/manifest.json").replace('"version": "1.0.0"', '"version": "${{APP_VERSION}}"'));
    const found = problems();
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("Missing values in env/.env.dev (or env/.env.dev.user) for: APP_VERSION.");
  });

  it("fails on a schema the package does not bundle", () => {
    copy.editJson("appPackage/manifest.json", (doc) => {
      doc.$schema = "https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json";
      doc.manifestVersion = "1.18";
    });
    expect(problems().join("\n")).toMatch(/names schema v1\.18\/MicrosoftTeams\.schema\.json, which @microsoft\/app-manifest does not bundle/);
  });
});

describe("localization", () => {
  it("fails on an English string for something the manifest does not have", () => {
    copy.editJson("appPackage/en.json", (doc) => {
      doc["bots[0].commandLists[0].commands[7].title"] = "minutes";
    });
    expect(problems()).toContain("localization file en.json (en) translates bots[0].commandLists[0].commands[7].title, which the manifest does not have");
  });

  it("fails when a required localized field is missing", () => {
    copy.editJson("appPackage/en.json", (doc) => {
      delete doc["description.short"];
    });
    expect(problems().join("\n")).toMatch(/localization file en\.json \(en\).*must have required property 'description\.short'/);
  });

  it("fails when the localization file is missing", () => {
    rmSync(join(copy.root, "appPackage/en.json"));
    expect(problems()).toContain("localization file en.json (en) is missing from the package");
  });
});

describe("icons", () => {
  it("fails on a missing colour icon", () => {
    rmSync(join(copy.root, "appPackage/color.png"));
    expect(problems()).toEqual(["color icon color.png is missing from the package"]);
  });

  it("fails on a missing outline icon", () => {
    rmSync(join(copy.root, "appPackage/outline.png"));
    expect(problems()).toEqual(["outline icon outline.png is missing from the package"]);
  });

  it("fails on a colour icon of the wrong size", () => {
    copy.write("appPackage/color.png", renderSvg(colorIconSvg(96)));
    expect(problems()).toEqual(["color icon color.png is 96×96; Teams requires 192×192"]);
  });

  it("fails on an outline icon of the wrong size", () => {
    copy.write("appPackage/outline.png", solidPng(64, 64, [255, 255, 255, 0]));
    expect(problems()).toEqual(["outline icon outline.png is 64×64; Teams requires 32×32"]);
  });

  it("fails on an outline icon without a transparent background", () => {
    copy.write("appPackage/outline.png", solidPng(32, 32, [255, 255, 255, 255]));
    expect(problems()).toEqual(["outline icon outline.png has no transparent background (its corners are not transparent)"]);
  });

  it("fails on an outline icon that is not white", () => {
    copy.write("appPackage/outline.png", renderSvg(colorIconSvg(32)));
    const found = problems();
    expect(found).toContain("outline icon outline.png has no transparent background (its corners are not transparent)");
    expect(found.some((p) => /outline icon outline\.png has \d+ visible pixels that are not white/.test(p))).toBe(true);
  });

  it("fails on a file that is not a PNG", () => {
    copy.write("appPackage/color.png", "<svg/>");
    expect(problems()).toEqual(["color icon color.png is not a PNG file"]);
  });

  it("fails on an icon path the schema requires but the manifest drops", () => {
    copy.editJson("appPackage/manifest.json", (doc) => {
      delete (doc.icons as Record<string, string>).outline;
    });
    expect(problems().join("\n")).toMatch(/manifest\.json\/icons must have required property 'outline'/);
  });
});
