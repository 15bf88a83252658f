// The Teams app package as it is built for every environment file: it passes the official schema
// offline, every placeholder is filled, and the contexts, scopes, RSC permissions and bot commands
// are exactly the intended ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { buildAppPackage, PROVISIONED_KEYS } from "../../appPackage/scripts/build-package";
import { listEnvironments } from "../../appPackage/scripts/env-files";
import { listPlaceholders } from "../../appPackage/scripts/placeholders";
import { validateAppPackage } from "../../appPackage/scripts/validate-package";
import { decodePng } from "../../appPackage/scripts/png-checks";
import { copyProject, provision, PROVISIONED_VALUES, repoRoot, type ProjectCopy } from "./project-copy";

const environments = listEnvironments(repoRoot);

const INTENDED_RSC = [
  { name: "OnlineMeeting.ReadBasic.Chat", type: "Application" },
  { name: "ChannelMeeting.ReadBasic.Group", type: "Application" },
  { name: "OnlineMeetingParticipant.Read.Chat", type: "Application" },
  { name: "ChannelMeetingParticipant.Read.Group", type: "Application" },
  { name: "MeetingStage.Write.Chat", type: "Delegated" },
  { name: "ChannelMeetingStage.Write.Group", type: "Delegated" },
];

interface Tab { scopes: string[]; context: string[]; meetingSurfaces: string[]; configurationUrl: string }
interface Bot { botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }> }

it("has the two environments the toolkit files describe", () => {
  expect(environments).toEqual(expect.arrayContaining(["dev", "local"]));
});

it("uses the newest GA manifest schema that @microsoft/app-manifest bundles", () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, "appPackage/manifest.json"), "utf8")) as Record<string, unknown>;
  const bundled = JSON.parse(readFileSync(join(repoRoot, "node_modules/@microsoft/app-manifest/package.json"), "utf8")) as { version: string };
  expect(bundled.version).toMatch(/^1\./);
  const versions = readdirSync(join(repoRoot, "node_modules/@microsoft/app-manifest/build/json-schemas/teams"))
    .filter((v) => /^v1\.\d+$/.test(v))
    .map((v) => Number(v.slice(3)))
    .sort((a, b) => a - b);
  expect(manifest.manifestVersion).toBe(`1.${versions.at(-1)}`);
  expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v1.${versions.at(-1)}/MicrosoftTeams.schema.json`);
});

describe.each(environments)("environment %s", (env) => {
  let copy: ProjectCopy;
  let manifest: Record<string, unknown>;
  let zipPath: string;

  beforeAll(() => {
    copy = copyProject();
    provision(copy, env);
    const result = buildAppPackage({ root: copy.root, env });
    expect(result.problems).toEqual([]);
    manifest = result.manifest ?? {};
    zipPath = result.zipPath ?? "";
  });
  afterAll(() => copy.remove());

  it("fills every placeholder from the environment file", () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toContain("${{");
    expect(manifest.id).toBe(PROVISIONED_VALUES.TEAMS_APP_ID);
    expect((manifest.name as { short: string }).short).toMatch(/^Paragraf \((dev|lokal)\)$/);
    expect(manifest.validDomains).toEqual([PROVISIONED_VALUES.TAB_DOMAIN]);
  });

  it("writes paragraf-<env>.zip whose contents pass validation again", () => {
    expect(zipPath.endsWith(join("appPackage", "build", `paragraf-${env}.zip`))).toBe(true);
    const entries = unzipSync(readFileSync(zipPath));
    expect(Object.keys(entries).sort()).toEqual(["color.png", "en.json", "manifest.json", "outline.png"]);
    const zipped = JSON.parse(Buffer.from(entries["manifest.json"] ?? new Uint8Array()).toString("utf8")) as Record<string, unknown>;
    expect(zipped).toEqual(manifest);
    expect(validateAppPackage({ manifest: zipped, files: new Map(Object.entries(entries)) })).toEqual([]);
  });

  it("has one configurable tab for meetings, group chats and channels", () => {
    const tabs = manifest.configurableTabs as Tab[];
    expect(tabs).toHaveLength(1);
    const [tab] = tabs as [Tab];
    expect([...tab.scopes].sort()).toEqual(["groupChat", "team"]);
    expect([...tab.context].sort()).toEqual(["channelTab", "meetingChatTab", "meetingDetailsTab", "meetingSidePanel", "meetingStage"]);
    expect([...tab.meetingSurfaces].sort()).toEqual(["sidePanel", "stage"]);
    expect(tab.configurationUrl).toBe(`${PROVISIONED_VALUES.TAB_ENDPOINT}/config`);
  });

  it("has the bot in personal, group chat and team scope with its commands in Swedish and English", () => {
    const [bot] = manifest.bots as [Bot];
    expect(bot.botId).toBe(PROVISIONED_VALUES.BOT_ID);
    expect([...bot.scopes].sort()).toEqual(["groupChat", "personal", "team"]);
    const commands = bot.commandLists.flatMap((list) => list.commands.map((c) => c.title));
    expect(commands).toEqual(["agenda", "beslut", "status", "hjälp"]);
    const english = JSON.parse(copy.read("appPackage/en.json")) as Record<string, string>;
    const englishTitles = commands.map((_, i) => english[`bots[0].commandLists[0].commands[${i}].title`]);
    expect(englishTitles).toEqual(["agenda", "decisions", "status", "help"]);
    for (const [i] of commands.entries()) {
      expect(english[`bots[0].commandLists[0].commands[${i}].description`]).toBeTruthy();
    }
  });

  it("asks for exactly the RSC permissions the features use", () => {
    const rsc = (manifest.authorization as { permissions: { resourceSpecific: unknown[] } }).permissions.resourceSpecific;
    expect(rsc).toEqual(INTENDED_RSC);
  });

  it("declares SSO for api://<domain>/<client id> with the app registration's id", () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: PROVISIONED_VALUES.AAD_APP_CLIENT_ID,
      resource: `api://${PROVISIONED_VALUES.TAB_DOMAIN}/${PROVISIONED_VALUES.AAD_APP_CLIENT_ID}`,
    });
  });

  it("is Swedish by default with an English localization file", () => {
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: "sv", additionalLanguages: [{ languageTag: "en", file: "en.json" }] });
    expect((manifest.description as { short: string }).short).toMatch(/sammanträde|beslut|protokoll/i);
    const english = JSON.parse(copy.read("appPackage/en.json")) as Record<string, string>;
    expect(english["description.short"]).toMatch(/minutes/);
  });

  it("carries a 192×192 colour icon and a 32×32 outline icon", () => {
    const icons = manifest.icons as { color: string; outline: string };
    const color = decodePng(readFileSync(join(copy.root, "appPackage", icons.color)));
    const outline = decodePng(readFileSync(join(copy.root, "appPackage", icons.outline)));
    expect(typeof color === "object" && [color.width, color.height]).toEqual([192, 192]);
    expect(typeof outline === "object" && [outline.width, outline.height]).toEqual([32, 32]);
  });
});

describe.each(environments)("unprovisioned environment %s", (env) => {
  it("is refused with the provisioning outputs named, or built as a preview with stand-ins", () => {
    const copy = copyProject();
    try {
      const refused = buildAppPackage({ root: copy.root, env, dryRun: true });
      expect(refused.problems).toHaveLength(1);
      for (const key of PROVISIONED_KEYS) expect(refused.problems[0]).toContain(key);
      expect(refused.problems[0]).toContain(`atk provision --env ${env}`);

      const preview = buildAppPackage({ root: copy.root, env, preview: true });
      expect(preview.problems).toEqual([]);
      expect([...preview.standIns].sort()).toEqual([...PROVISIONED_KEYS].sort());
      expect(preview.zipPath?.endsWith(`paragraf-${env}-preview.zip`)).toBe(true);
    } finally {
      copy.remove();
    }
  });
});

it("fills only placeholders the packager knows how to fill", () => {
  const template = readFileSync(join(repoRoot, "appPackage/manifest.json"), "utf8");
  expect(listPlaceholders(template).sort()).toEqual(["AAD_APP_CLIENT_ID", "APP_NAME_SUFFIX", "BOT_ID", "TAB_DOMAIN", "TAB_ENDPOINT", "TEAMS_APP_ID"]);
});
