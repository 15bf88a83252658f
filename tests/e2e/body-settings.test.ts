/**
 * Editing a body's roster and settings in the tab (dev mode, PGlite, the demo body): keyboard path,
 * validation, a concurrent change shown as a conflict, members read only, axe in all three themes,
 * screenshots in both languages under test-results/e2e/.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasChromium, warnNoChromium } from "./support/browser";
import { useTabSuite } from "./support/tab-suite";

warnNoChromium("tests/e2e/body-settings.test.ts");
const shots = "test-results/e2e";

interface StoredBody {
  name: string; version: number; dnrPrefix: string; archiveTarget?: unknown;
  roster: { id: string; name: string; organisation: string; party?: string; email?: string; roles: string[]; userId?: string; title?: string }[];
  settings: { signatoryRule: string; justeringDays: number; seriesStarts: Record<string, number>; defaultPlace: string };
}

describe.runIf(hasChromium)("body roster and settings in the tab", () => {
  const suite = useTabSuite(shots);


  const tokenOf = async (userId: string) =>
    ((await (await fetch(`${suite.service.base}/api/dev/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId }) })).json()) as { token: string }).token;
  const bodyNow = async () =>
    ((await (await fetch(`${suite.service.base}/api/bodies/demo-lsg`, { headers: { authorization: `Bearer ${await tokenOf("dev-member")}` } })).json()) as { body: StoredBody }).body;
  const open = async (user: string, query = "") => {
    const context = await suite.browser.newContext({ viewport: { width: 1024, height: 900 }, locale: "sv-SE" });
    suite.track(context);
    const page = await context.newPage();
    await page.goto(`${suite.service.base}/?devUser=${user}&meeting=demo-meeting&view=body${query}`);
    await page.getByTestId("body-settings").locator("input").first().waitFor({ timeout: 20_000 });
    return page;
  };
  const person = (page: Page, name: string) => page.getByTestId("roster-person").filter({ has: page.locator("legend", { hasText: name }) });

  it("lets the secretary add a member by keyboard, change the settings and save, keeping every field it does not edit", async () => {
    // A field the form does not edit (the archive target another screen sets) must survive the save.
    const stored = await suite.service.app.deps.store.getBody(suite.service.app.config.dev!.tenantId, "demo-lsg");
    await suite.service.app.deps.store.updateBody(Object.assign({}, stored!, { archiveTarget: { groupId: "grupp-123", folder: "Protokoll" }, version: stored!.version + 1 }));
    const before = await bodyNow();

    const page = await open("dev-secretary");
    const add = page.getByRole("button", { name: "Lägg till person" });
    await add.focus();
    await page.keyboard.press("Enter");
    const fresh = page.getByTestId("roster-person").last();
    await expect(fresh.locator("legend").first().textContent()).resolves.toBe(`Person ${before.roster.length + 1}`);
    await fresh.getByLabel("Namn").focus();
    await page.keyboard.type("Nora Nyberg");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Bergsjö kommun");
    await fresh.getByLabel("Parti").fill("S");
    await fresh.getByLabel("E-post / UPN").fill("nora.nyberg@bergsjo.example");
    await fresh.getByRole("checkbox", { name: "Ersättare" }).check();
    await expect(fresh.locator("legend").first().textContent()).resolves.toBe("Nora Nyberg");

    await person(page, "Johan Nyström").getByLabel("Parti").fill("C");
    await page.getByRole("radio", { name: "Alla närvarande ledamöter" }).check();
    await page.getByLabel("Dagar för justering").fill("10");
    await page.getByLabel("Prefix för diarienummer").fill("LSG-N");
    await page.getByRole("button", { name: "Lägg till år" }).click();
    const series = page.getByTestId("series-start").last();
    await series.getByRole("textbox", { name: "År" }).fill("2030");
    await series.getByRole("spinbutton", { name: "Första §" }).fill("101");
    await page.screenshot({ path: `${shots}/body-settings-sv.png`, fullPage: true });
    await page.getByRole("button", { name: "Spara inställningar" }).click();
    await page.getByTestId("body-saved").waitFor({ timeout: 10_000 });

    const after = await bodyNow();
    expect(after.version).toBe(before.version + 1);
    expect(after.roster.find((p) => p.name === "Nora Nyberg")).toMatchObject({ organisation: "Bergsjö kommun", party: "S", email: "nora.nyberg@bergsjo.example", roles: ["ledamot", "ersattare"] });
    expect(after.roster.find((p) => p.id === "p-johan")).toMatchObject({ party: "C", userId: "dev-member" });
    expect(after.roster.find((p) => p.id === "p-elin")).toMatchObject({ userId: "dev-secretary", title: "Nämndsekreterare" });
    expect(after.settings).toMatchObject({ signatoryRule: "allMembers", justeringDays: 10, seriesStarts: { ...before.settings.seriesStarts, 2030: 101 }, defaultPlace: before.settings.defaultPlace });
    expect(after.dnrPrefix).toBe("LSG-N");
    expect(after.archiveTarget).toEqual({ groupId: "grupp-123", folder: "Protokoll" });
    await page.context().close();
  }, 60_000);

  it("checks the fields before sending and marks what is wrong", async () => {
    const before = await bodyNow();
    const page = await open("dev-secretary");
    // Located by position: clearing the name also changes the legend it would be found by.
    const nora = page.getByTestId("roster-person").last();
    await nora.getByLabel("Namn").fill("");
    const checked = nora.getByRole("checkbox", { checked: true });
    while ((await checked.count()) > 0) await checked.first().uncheck();
    await nora.getByLabel("E-post / UPN").fill("inte en adress");
    await page.getByRole("button", { name: "Spara inställningar" }).click();
    await page.getByText("Kontrollera de markerade fälten.").waitFor();
    await page.getByText("Ange ett namn.").waitFor();
    await page.getByText("Ange en giltig e-postadress.").waitFor();
    await nora.getByText("Välj minst en roll.").waitFor();
    expect((await bodyNow()).version).toBe(before.version);
    await page.context().close();
  }, 30_000);

  it("shows a concurrent change as a conflict instead of overwriting it, and loads the latest version on request", async () => {
    const page = await open("dev-secretary");
    const current = await bodyNow();
    const chair = await tokenOf("dev-chair");
    const put = await fetch(`${suite.service.base}/api/bodies/demo-lsg`, {
      method: "PUT", headers: { authorization: `Bearer ${chair}`, "content-type": "application/json" },
      body: JSON.stringify({ expectedVersion: current.version, name: "Länssamverkansgruppen Norrbygden och Fjällby" }),
    });
    expect(put.status).toBe(200);

    await page.getByLabel("Dagar för justering").fill("21");
    await page.getByRole("button", { name: "Spara inställningar" }).click();
    const conflict = page.getByTestId("body-conflict");
    await conflict.waitFor({ timeout: 10_000 });
    await expect(conflict.textContent()).resolves.toContain("Någon annan har ändrat organet");
    const now = await bodyNow();
    expect(now.name).toBe("Länssamverkansgruppen Norrbygden och Fjällby");
    expect(now.settings.justeringDays).toBe(10);
    await conflict.getByRole("button", { name: "Läs in senaste versionen" }).click();
    await expect.poll(() => page.getByLabel("Organets namn").inputValue(), { timeout: 10_000 }).toBe("Länssamverkansgruppen Norrbygden och Fjällby");
    expect(await page.getByLabel("Dagar för justering").inputValue()).toBe("10");
    await page.context().close();
  }, 30_000);

  it("shows members the settings read only", async () => {
    const page = await open("dev-member");
    await page.getByText("Bara organets ordförande, vice ordförande och sekreterare kan ändra inställningarna.").waitFor();
    expect(await page.getByRole("button", { name: "Spara inställningar" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Lägg till person" }).count()).toBe(0);
    expect(await page.getByLabel("Organets namn").isDisabled()).toBe(true);
    await page.context().close();
  }, 30_000);

  it("has no serious or critical axe violations in light (English), dark and high contrast (Swedish)", async () => {
    for (const [theme, lang] of [["light", "en"], ["dark", "sv"], ["contrast", "sv"]] as const) {
      const page = await open("dev-secretary", `&theme=${theme}&lang=${lang}`);
      if (lang === "en") await page.getByRole("button", { name: "Save settings" }).waitFor();
      const result = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${theme}/${lang}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      if (lang === "en") {
        await page.screenshot({ path: `${shots}/body-settings-en.png` });
        await page.getByRole("button", { name: "Save settings" }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${shots}/body-settings-en-protocol.png` });
      }
      if (theme === "dark") await page.screenshot({ path: `${shots}/body-settings-dark.png` });
      await page.context().close();
    }
  }, 120_000);
});
