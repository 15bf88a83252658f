/**
 * The archive status on the after-meeting screen, in Debian's Chromium against the real service (dev
 * mode, PGlite, its own outbox worker and local archive): a protocol sealed while the archive folder
 * cannot be written shows the failure and its reason, the secretary's "Försök igen" after the fix
 * files it, and the screen then links the filed copy. Screenshots land in test-results/e2e/.
 */
import AxeBuilder from "@axe-core/playwright";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { archiveFailureReasons } from "@paragraf/shared";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { call } from "../support/http";
import { devToken, sealDemoMeeting } from "../support/seal-demo";
import { hasChromium, warnNoChromium } from "./support/browser";
import { useTabSuite } from "./support/tab-suite";

warnNoChromium("tests/e2e/archive-status.test.ts");
const shots = "test-results/e2e";

describe.runIf(hasChromium)("the archive status in the tab", () => {
  const suite = useTabSuite(shots);
  // A file where the body's folder must be (dev mode serves one tenant: no tenant folder above it).
  const blocked = () => join(suite.service.app.config.archive.root, "Länssamverkansgruppen Norrbygden");

  const open = async (user: string, lang = "sv"): Promise<Page> => {
    const context = await suite.browser.newContext({ viewport: { width: 1024, height: 900 }, locale: lang === "sv" ? "sv-SE" : "en-GB" });
    const page = await context.newPage();
    await page.goto(`${suite.service.base}/?devUser=${user}&meeting=demo-meeting&view=after&lang=${lang}`);
    await page.locator("[data-testid=live-indicator][data-online=true]").first().waitFor({ timeout: 20_000 });
    return page;
  };
  const archiveState = async () => {
    const res = await call(suite.service.app, "GET", "/api/meetings/demo-meeting/archive", await devToken(suite.service.app, "dev-secretary"));
    return (res.json.archive as { state: string }).state;
  };

  it("shows a failed filing with its reason, and Försök igen only to the secretary", async () => {
    await mkdir(suite.service.app.config.archive.root, { recursive: true });
    await writeFile(blocked(), "a file where the tenant's archive folder must be");
    await sealDemoMeeting(suite.service.app);
    await expect.poll(archiveState, { timeout: 15_000 }).toBe("failed");

    const secretary = await open("dev-secretary");
    const failed = secretary.locator("[data-testid=archive-status][data-state=failed]");
    await failed.waitFor({ timeout: 15_000 });
    await expect(failed.textContent()).resolves.toContain("Protokollet kunde inte arkiveras");
    await expect(failed.textContent()).resolves.toContain(archiveFailureReasons.archiveNotWritable.sv);
    await secretary.getByRole("button", { name: "Försök igen" }).waitFor();
    const axe = await new AxeBuilder({ page: secretary }).include("[data-testid=after-meeting]").exclude("[data-tabster-dummy]")
      .exclude("[data-testid=protocol-preview]").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await secretary.screenshot({ path: `${shots}/archive-failed-sv.png`, fullPage: true });

    const member = await open("dev-member", "en");
    const seen = member.locator("[data-testid=archive-status][data-state=failed]");
    await seen.waitFor({ timeout: 15_000 });
    await expect(seen.textContent()).resolves.toContain(archiveFailureReasons.archiveNotWritable.en);
    expect(await member.getByRole("button", { name: "Try again" }).count()).toBe(0);
    await member.context().close();

    // An administrator fixes the folder; the secretary retries; the worker files it and the log says so live.
    await rm(blocked(), { force: true });
    await secretary.getByRole("button", { name: "Försök igen" }).click();
    const filed = secretary.locator("[data-testid=archive-status][data-state=filed]");
    await filed.waitFor({ timeout: 20_000 });
    await expect(filed.textContent()).resolves.toMatch(/Arkiverat \d{1,2} [a-zåäö]+ \d{4} kl\. \d{2}:\d{2}/);
    const href = await secretary.getByTestId("archive-link").getAttribute("href");
    expect(href).toMatch(/^file:\/\/.*protokoll.*\.pdf$/);
    await expect(secretary.getByText("Arkiverat", { exact: true }).first().isVisible()).resolves.toBe(true); // the status chip
    expect(await secretary.getByRole("button", { name: "Försök igen" }).count()).toBe(0);
    await secretary.screenshot({ path: `${shots}/archive-filed-sv.png`, fullPage: true });
    await secretary.context().close();
  }, 90_000);
});
