import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import type * as AdaptiveCardsModule from "adaptivecards";
import { expect } from "vitest";
import { hasChromium, launchChromium, warnNoChromium } from "../../e2e/support/browser";

const require = createRequire(import.meta.url);
// The package's ES build imports without file extensions; its UMD bundle loads in Node and in a page.
const bundlePath = require.resolve("adaptivecards/dist/adaptivecards.js");
const AdaptiveCards = require(bundlePath) as typeof AdaptiveCardsModule;
/** Where card JSON and PNG renderings go for a look. */
export const shotsDir = "test-results/bot";

/** The parse errors and validation failures the `adaptivecards` package reports for a card (none expected). */
export function cardProblems(content: Record<string, unknown>): string[] {
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  card.parse(content, context);
  const problems = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  return [...problems, ...card.validateProperties().validationEvents.map((e) => e.message)];
}

const pending = new Map<string, Record<string, unknown>>();

/**
 * Validates each card with the `adaptivecards` parser (the test fails on any problem), writes its JSON
 * under test-results/bot/ and queues it for `renderCardShots`.
 */
export async function saveCardShots(cards: Record<string, Record<string, unknown>>): Promise<void> {
  await mkdir(shotsDir, { recursive: true });
  for (const [name, content] of Object.entries(cards)) {
    expect(cardProblems(content), name).toEqual([]);
    await writeFile(join(shotsDir, `${name}.json`), `${JSON.stringify(content, null, 2)}\n`);
    pending.set(name, content);
  }
}

/**
 * Renders the queued cards to PNGs under test-results/bot/ with the package's own renderer in one
 * Chromium, 400 px wide like a Teams chat card (call it once, in afterAll). Without Chromium the PNGs
 * are skipped, loudly.
 */
export async function renderCardShots(): Promise<void> {
  const cards = Object.fromEntries(pending);
  pending.clear();
  if (Object.keys(cards).length === 0) return;
  if (!hasChromium) return warnNoChromium("bot card renderings");
  const bundle = await readFile(bundlePath, "utf8");
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 440, height: 600 } });
    await page.setContent(`<!doctype html><meta charset="utf-8"><style>body{margin:0;padding:20px;background:#f5f5f5;font-family:'Segoe UI',sans-serif}#card{width:400px;background:#fff;border-radius:4px}</style><div id="card"></div>`);
    await page.addScriptTag({ content: bundle });
    for (const [name, content] of Object.entries(cards)) {
      await page.evaluate((json) => {
        const AC = (window as unknown as { AdaptiveCards: typeof AdaptiveCardsModule }).AdaptiveCards;
        // Teams' markdown turns an escaped character into itself; show that (as plain text) instead of the backslash.
        AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
          const span = document.createElement("span");
          span.textContent = text.replace(/\\(.)/g, "$1");
          result.outputHtml = span.innerHTML;
          result.didProcess = true;
        };
        const card = new AC.AdaptiveCard();
        card.parse(json);
        const host = document.getElementById("card")!;
        host.replaceChildren(card.render() ?? document.createTextNode("render failed"));
      }, content);
      await page.locator("#card").screenshot({ path: join(shotsDir, `${name}.png`) });
    }
  } finally {
    await browser.close();
  }
}
