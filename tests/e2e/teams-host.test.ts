/**
 * The tab hosted by Teams, for real: a test host page at https://teams.microsoft.com frames the tab served
 * by the service in Entra mode and answers the teams-js protocol (see support/teams-host-harness.ts).
 * The SSO tokens it hands out are signed by the test's key and verified by the service against its JWKS.
 */
import { mkdir } from "node:fs/promises";
import type { Browser, BrowserContext, Frame, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRoster, call } from "../support/http";
import { startTestApp, tenantA, type TestApp } from "../support/test-app";
import { hasChromium, launchChromium, teamsHostArgs, warnNoChromium } from "./support/browser";
import { ensureTabBuilt } from "./support/tab-service";
import { TeamsHostHarness, type HostContext } from "./support/teams-host-harness";

warnNoChromium("tests/e2e/teams-host.test.ts");
const shots = "test-results/e2e";

const linkedChat = "19:meeting_YTdlNjc4ZjQtMmE2Ni00NzBiLTk2ZGEtZjZiMGM0OGEyYzc5@thread.v2";
const linkedTeamsMeeting = "MCMxOTptZWV0aW5nX1lUZGxOamM0WmpRdE1tRTJOaTAwTnpCaUxUazJaR0V0WmpaaU1HTTBPR0V5WXpjNUB0aHJlYWQudjIjMA==";
const unlinkedChat = "19:meeting_ZmE4NWQzYjgtNmQ3Yy00YjE1LWE3NjktMGQ4YzQwYjU3ZDZk@thread.v2";

describe.runIf(hasChromium)("the tab hosted by Teams (test host)", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let secretaryToken: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureTabBuilt();
    await mkdir(shots, { recursive: true });
    t = await startTestApp({ name: "pglite", env: { DATABASE_URL: "" } });
    base = await t.app.listen();
    secretaryToken = await t.token(tenantA, "oid-sec", "Siv Sekreterare");
    expect((await call(t.app, "POST", "/api/bodies", secretaryToken, { id: "lsg", name: "Samverkansgruppen Norrbygden", roster: apiRoster })).status).toBe(201);
    for (const [id, date, title] of [["m-teams", "2026-11-23", "Novembermötet"], ["m-other", "2026-12-14", "Decembermötet"]] as const) {
      const res = await call(t.app, "POST", "/api/bodies/lsg/meetings", secretaryToken, { id, details: { date, startTime: "09:00", title } });
      expect(res.status, res.text).toBe(201);
    }
    browser = await launchChromium(teamsHostArgs);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await t?.close();
  });

  const users = {
    secretary: { userObjectId: "oid-sec", userName: "Siv Sekreterare", userPrincipalName: "siv@ak.example" },
    member: { userObjectId: "oid-m1", userName: "Mats Ledamot", userPrincipalName: "mats@bk.example" },
  };

  /** Opens the tab in the test host as a user; the host's tokens are real SSO-shaped tokens for that user. */
  const host = async (path: string, context: Omit<HostContext, "tenantId" | "userObjectId" | "userName"> & { user: keyof typeof users }, viewport = { width: 320, height: 900 }) => {
    const browserContext = await browser.newContext({ viewport });
    contexts.push(browserContext);
    const requests: Request[] = [];
    browserContext.on("request", (r) => {
      if (r.url().startsWith(`${base}/api/`)) requests.push(r);
    });
    const user = users[context.user];
    const harness = await TeamsHostHarness.open(browserContext, {
      tabUrl: `${base}${path}`,
      host: { ...context, tenantId: tenantA, ...user },
      token: () => t.token(tenantA, user.userObjectId, user.userName),
    });
    return { harness, tab: await harness.tab(), requests };
  };
  const themeOf = (tab: Frame) => tab.locator("[data-theme]").first().getAttribute("data-theme");
  const background = (tab: Frame) => tab.locator("[data-theme]").first().evaluate((el) => getComputedStyle(el).backgroundColor);

  it("on the settings page in a meeting, saving links the meeting chat and sets a content URL that names the meeting", async () => {
    const { harness, tab } = await host("/config", { user: "secretary", frameContext: "settings", locale: "sv-SE", theme: "default", chatId: linkedChat, meetingId: linkedTeamsMeeting }, { width: 640, height: 800 });
    await tab.getByRole("radio", { name: "Samverkansgruppen Norrbygden" }).waitFor();
    expect(await tab.getByTestId("dev-bar").count()).toBe(0);
    // The only body is chosen; Teams is told the page is valid.
    await harness.waitForCall("settings.setValidityState", 10_000, (c) => c.args[0] === true);
    await tab.getByRole("radio", { name: /23 november 2026 09:00 — Novembermötet/ }).check();
    await tab.getByTestId("config").getByText(`${base}/?body=lsg&meeting=m-teams`).waitFor();
    await harness.page.screenshot({ path: `${shots}/teams-config-sv.png` });

    const outcome = await harness.save();
    expect(outcome.result).toBe("success");
    expect(outcome.config).toMatchObject({ contentUrl: `${base}/?body=lsg&meeting=m-teams`, websiteUrl: `${base}/?body=lsg&meeting=m-teams`, entityId: "paragraf-lsg", suggestedDisplayName: "Paragraf" });
    const link = await call(t.app, "GET", `/api/teams-links?chatId=${encodeURIComponent(linkedChat)}`, secretaryToken);
    expect(link.json).toEqual({ meetingId: "m-teams", bodyId: "lsg" });
    const byTeamsMeeting = await call(t.app, "GET", `/api/teams-links?teamsMeetingId=${encodeURIComponent(linkedTeamsMeeting)}`, secretaryToken);
    expect(byTeamsMeeting.json.meetingId).toBe("m-teams");
    // The bot finds the link on its first activity in the chat: the conversation row names the meeting.
    expect(await t.app.deps.store.getConversation(tenantA, linkedChat)).toMatchObject({ meetingId: "m-teams", bodyId: "lsg" });
  }, 60_000);

  it("in the side panel: finds its meeting from the chat, sends the SSO token on every call, follows the host's locale and theme live, and shares to the stage", async () => {
    const { harness, tab, requests } = await host("/?body=lsg", { user: "member", frameContext: "sidePanel", locale: "en-US", theme: "dark", chatId: linkedChat, meetingId: linkedTeamsMeeting });
    const panel = tab.getByTestId("side-panel");
    await panel.waitFor({ timeout: 20_000 });
    await tab.locator("[data-testid=live-indicator][data-online=true]").first().waitFor({ timeout: 20_000 });
    expect(new URL(tab.url()).searchParams.get("meeting")).toBe("m-teams");
    expect(await tab.getByTestId("dev-bar").count()).toBe(0);
    // English from the host's locale, with dates worded in English.
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe("en");
    await tab.getByRole("tab", { name: "Side panel" }).waitFor();
    await expect(tab.getByTestId("meeting-date").textContent()).resolves.toContain("23 November 2026");
    await expect(tab.getByTestId("my-roles").textContent()).resolves.toContain("member");

    // The theme follows the host, and changes live.
    expect(await themeOf(tab)).toBe("dark");
    const dark = await background(tab);
    await harness.page.screenshot({ path: `${shots}/teams-side-panel-en.png` });
    await harness.changeTheme("contrast");
    await expect.poll(() => themeOf(tab)).toBe("contrast");
    await harness.changeTheme("default");
    await expect.poll(() => themeOf(tab)).toBe("light");
    expect(await background(tab)).not.toBe(dark);

    // Share to stage calls the host with the stage URL.
    await tab.getByRole("button", { name: "Share to stage" }).click();
    const share = await harness.waitForCall("meeting.shareAppContentToStage");
    expect(share.args[0]).toBe(`${base}/stage?meeting=m-teams`);

    // Every API call carried a token the host issued (the live stream, which cannot set headers, in its query), and none was refused.
    const [init] = harness.callsTo("initialize");
    expect(init).toBeDefined();
    expect(harness.callsTo("getContext").length).toBeGreaterThan(0);
    expect(harness.callsTo("registerHandler").map((c) => c.args[0])).toContain("themeChange");
    expect(harness.callsTo("appInitialization.success").length).toBe(1);
    expect(harness.issuedTokens.length).toBeGreaterThan(0);
    const paths = requests.map((r) => new URL(r.url()).pathname);
    expect(paths).toEqual(expect.arrayContaining(["/api/me", "/api/teams-links", "/api/meetings/m-teams", "/api/meetings/m-teams/stream"]));
    for (const r of requests) {
      const url = new URL(r.url());
      const token = url.pathname.endsWith("/stream") ? url.searchParams.get("access_token") : (await r.allHeaders()).authorization?.replace(/^Bearer /, "");
      expect(harness.issuedTokens, `${r.method()} ${url.pathname}`).toContain(token);
      const status = (await r.response())?.status();
      if (status !== undefined) expect(status, `${r.method()} ${url.pathname}`).toBeLessThan(400);
    }
  }, 60_000);

  it("in a meeting chat not linked yet: says so and offers the picker; the secretary's pick links it", async () => {
    const { tab } = await host("/?body=lsg", { user: "secretary", frameContext: "sidePanel", locale: "sv-SE", theme: "default", chatId: unlinkedChat });
    await tab.getByTestId("not-linked").waitFor({ timeout: 20_000 });
    await expect(tab.getByTestId("not-linked").textContent()).resolves.toContain("Mötet är inte kopplat ännu");
    expect(await tab.getByTestId("side-panel").count()).toBe(0);
    expect((await call(t.app, "GET", `/api/teams-links?chatId=${encodeURIComponent(unlinkedChat)}`, secretaryToken)).status).toBe(404);
    await tab.getByRole("link", { name: /Decembermötet/ }).click();
    await tab.getByTestId("side-panel").waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await call(t.app, "GET", `/api/teams-links?chatId=${encodeURIComponent(unlinkedChat)}`, secretaryToken)).json.meetingId).toBe("m-other");
    await tab.getByRole("button", { name: "Dela till scenen" }).waitFor();
    await tab.evaluate(() => window.scrollTo(0, 0));
    const page = tab.page();
    await page.screenshot({ path: `${shots}/teams-side-panel-sv.png` });
  }, 60_000);

  it("in a meeting's details tab (content frame): opens the meeting in its address with every view, and offers no stage sharing", async () => {
    const { harness, tab } = await host("/?body=lsg&meeting=m-teams", { user: "secretary", frameContext: "content", locale: "en-GB", theme: "default", chatId: linkedChat, meetingId: linkedTeamsMeeting }, { width: 1024, height: 800 });
    // Before the meeting a details tab opens on the agenda builder.
    await tab.getByTestId("agenda-builder").waitFor({ timeout: 20_000 });
    for (const view of ["Side panel", "Agenda", "After the meeting", "Stage", "Body"]) await tab.getByRole("tab", { name: view }).waitFor();
    expect(await tab.getByRole("button", { name: "Share to stage" }).count()).toBe(0);
    // The address named the meeting: no lookup by the Teams context was needed.
    expect(harness.issuedTokens.length).toBeGreaterThan(0);
    await tab.getByRole("tab", { name: "Body" }).click();
    await tab.getByTestId("body-settings").getByRole("button", { name: "Save settings" }).waitFor({ timeout: 10_000 });
  }, 60_000);

  it("on the meeting stage: shows the stage view of the linked meeting, without the dev banner", async () => {
    const { tab } = await host("/?body=lsg", { user: "member", frameContext: "meetingStage", locale: "sv-SE", theme: "dark", chatId: linkedChat, meetingId: linkedTeamsMeeting }, { width: 1280, height: 720 });
    await tab.getByTestId("stage").waitFor({ timeout: 20_000 });
    expect(await tab.getByTestId("dev-bar").count()).toBe(0);
    expect(await themeOf(tab)).toBe("dark");
  }, 60_000);
});
