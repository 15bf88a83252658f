import { mkdir } from "node:fs/promises";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser";
import { ensureTabBuilt, startTabService, type TabService } from "./tab-service";

/** A browser suite's service and Chromium, started once for the suite; contexts it opens close with it. */
export interface TabSuite {
  service: TabService;
  browser: Browser;
  /** Registers a browser context to close when the suite ends. */
  track<T extends BrowserContext>(context: T): T;
}

/**
 * Starts the real service (built tab, dev mode, PGlite) and Debian's Chromium before the suite's tests
 * and closes both after them; screenshots go to `shotsDir`. Call it inside the suite's `describe`.
 */
export function useTabSuite(shotsDir = "test-results/e2e"): TabSuite {
  const contexts: BrowserContext[] = [];
  const suite = { track: <T extends BrowserContext>(context: T) => (contexts.push(context), context) } as TabSuite;
  beforeAll(async () => {
    ensureTabBuilt();
    await mkdir(shotsDir, { recursive: true });
    suite.service = await startTabService();
    suite.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await suite.browser?.close();
    await suite.service?.close();
  });
  return suite;
}
