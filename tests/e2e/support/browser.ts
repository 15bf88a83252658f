import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium; the browser suites never download a browser of their own. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether the browser suites can run here; when not, they say so loudly and are counted as not run. */
export const hasChromium = existsSync(chromiumPath);

/** Prints why the browser suites do not run and how to make them run. */
export function warnNoChromium(suite: string): void {
  if (!hasChromium) {
    console.warn(`\n*** ${suite}: NOT RUN — Chromium is missing at ${chromiumPath}. Install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH). ***\n`);
  }
}

/** Launches headless Chromium with no network side traffic of its own (plus any `extraArgs`). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", ...extraArgs],
  });
}

/**
 * For a test Teams host at https://teams.microsoft.com framing the tab on http://127.0.0.1: Chromium
 * blocks a public https page from framing a loopback address (Local Network Access), which a real
 * deployment never meets (the tab is served on a public https host). Test-only.
 */
export const teamsHostArgs = ["--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessRespectPreflightResults"] as const;
