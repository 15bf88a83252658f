import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";

/** The Playground CLI as `npm run playground` runs it (`agentsplayground` in node_modules/.bin). */
export const playgroundCli = createRequire(import.meta.url).resolve("@microsoft/m365agentsplayground/cli.js");

/** A user the Playground impersonates: its Teams id and the Entra object id the bot matches against the roster. */
export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
}

/** A Playground running as its own process. */
export interface RunningPlayground {
  child: ChildProcess;
  /** Where its web client and its mock Bot Connector (`/_connector`) answer. */
  base: string;
  /** The mock tenant and personal chat of its configuration. */
  tenantId: string;
  botId: string;
  personalChatId: string;
  /** The service URL the Playground puts on its activities (its mock Bot Connector, named by `localhost`). */
  serviceUrl: string;
  currentUser: PlaygroundUser;
  /** What the CLI printed (for failure messages). */
  output(): string;
  kill(): void;
}

/** A free TCP port on the loopback interface (the Playground takes `-p`; it falls back to a random port when taken, which we read back). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` every `everyMs` until it returns a value or `timeoutMs` passes. */
export async function pollUntil<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000, everyMs = 150): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const yamlString = (s: string) => JSON.stringify(s);

/**
 * The Playground's configuration (`.m365agentsplayground.yml`, schema 0.1.1): its mock tenant, bot,
 * current user and the other chat members. The schema wants at least five other users.
 */
function configYaml(options: { tenantId: string; botId: string; personalChatId: string; currentUser: PlaygroundUser; users: readonly PlaygroundUser[] }): string {
  const user = (u: PlaygroundUser, indent: string) => {
    const [givenName, ...rest] = u.name.split(" ");
    return [
      `id: ${yamlString(u.id)}`, `name: ${yamlString(u.name)}`, `userPrincipleName: ${yamlString(u.email)}`, `aadObjectId: ${yamlString(u.aadObjectId)}`,
      `givenName: ${yamlString(givenName ?? u.name)}`, `surname: ${yamlString(rest.join(" ") || u.name)}`, `email: ${yamlString(u.email)}`,
    ].map((line, i) => (i === 0 ? line : `${indent}${line}`)).join("\n");
  };
  return [
    `version: "0.1.1"`,
    `tenantId: ${yamlString(options.tenantId)}`,
    `bot:`, `  id: ${yamlString(options.botId)}`, `  name: Paragraf`,
    `currentUser:`, `  ${user(options.currentUser, "  ")}`,
    `users:`, ...options.users.map((u) => `  - ${user(u, "    ")}`),
    `personalChat:`, `  id: ${yamlString(options.personalChatId)}`,
    `groupChat:`, `  id: "playground-group-chat"`, `  name: "Group Chat"`,
    `team:`, `  id: "playground-team"`, `  name: "My Team"`, `  aadGroupId: "00000000-0000-0000-0000-000000000031"`,
    `  channels:`, `    - id: "playground-channel"`, `      name: "Announcements"`,
    ``,
  ].join("\n");
}

/**
 * Starts the Microsoft 365 Agents Playground against `appEndpoint` as `npm run playground` does
 * (channel msteams, telemetry off with `--dt`, no browser with TEAMSAPPTESTER_BROWSER=none), with
 * its configuration, log file and `devTools/` folder in `workDir`, on an explicit free port; waits
 * until it says where it listens and its web client answers.
 */
export async function startPlayground(options: { appEndpoint: string; workDir: string; currentUser: PlaygroundUser; users: readonly PlaygroundUser[] }): Promise<RunningPlayground> {
  const tenantId = "00000000-0000-0000-0000-000000000001";
  const botId = "00000000-0000-0000-0000-000000000011";
  const personalChatId = "playground-personal-chat";
  const configPath = join(options.workDir, ".m365agentsplayground.yml");
  await writeFile(configPath, configYaml({ tenantId, botId, personalChatId, currentUser: options.currentUser, users: options.users }));
  const port = await freePort();
  const logFile = join(options.workDir, "playground.log");
  const child = spawn(process.execPath, [playgroundCli, "start", "-p", String(port), "-e", options.appEndpoint, "-c", "msteams", "--dt"], {
    cwd: options.workDir,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: "none",
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  // An exit while starting (a bad configuration file, a broken install) fails at once with what it printed.
  const logTail = () => (existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").filter((l) => /^(error|warn)/.test(l)).join("\n") : "");
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`the Playground exited with ${code}: ${out}${logTail()}`))));
  exited.catch(() => undefined);
  try {
    const listening = await Promise.race([exited, pollUntil("the Playground to listen", async () => {
      const match = /Listening on (\d+)/.exec(out);
      return match ? Number(match[1]) : undefined;
    }, 30_000, 100)]);
    const base = `http://127.0.0.1:${listening}`;
    // It listens before it reads its configuration; its API answers once that is loaded.
    await Promise.race([exited, pollUntil("the Playground's API", async () => ((await fetch(`${base}/_internal/v1/config`)).ok ? true : undefined), 15_000)]);
    return { child, base, tenantId, botId, personalChatId, serviceUrl: `http://localhost:${listening}/_connector`, currentUser: options.currentUser, output: () => out, kill };
  } catch (err) {
    kill();
    throw err;
  }
}

/** The Playground's web client in a page: the chat as a person uses it. */
export class PlaygroundChat {
  constructor(readonly page: Page) {}

  /**
   * Records the text of every Adaptive Card the web client renders and each change of a rendered card,
   * including states replaced a moment later (an invoke's answer card that an outbox update then
   * replaces). Call before opening the page.
   */
  async record(): Promise<void> {
    await this.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __paragrafCards: string[] }).__paragrafCards = seen;
      const last = new WeakMap<Element, string>();
      const take = (el: Element) => {
        const text = (el as HTMLElement).innerText || el.textContent || "";
        if (last.get(el) !== text) seen.push(text);
        last.set(el, text);
      };
      new MutationObserver((mutations) => {
        const cards = new Set<Element>();
        for (const m of mutations) {
          const target = m.target instanceof Element ? m.target : m.target.parentElement;
          const around = target?.closest(".ac-adaptiveCard");
          if (around) cards.add(around);
          for (const node of m.addedNodes) {
            if (!(node instanceof Element)) continue;
            if (node.matches(".ac-adaptiveCard")) cards.add(node);
            node.querySelectorAll(".ac-adaptiveCard").forEach((c) => cards.add(c));
          }
        }
        cards.forEach(take);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
  }

  /** The texts of every card rendered since the page opened, oldest first (see `record`). */
  seen(): Promise<string[]> {
    return this.page.evaluate(() => [...(window as unknown as { __paragrafCards: string[] }).__paragrafCards]);
  }

  /** Every Adaptive Card rendered in the conversation, oldest first. */
  cards(): Locator {
    return this.page.locator(".ac-adaptiveCard");
  }

  /** How many cards the conversation shows now. */
  count(): Promise<number> {
    return this.cards().count();
  }

  /** The newest card containing `text`. */
  card(text: string | RegExp): Locator {
    return this.cards().filter({ hasText: text }).last();
  }

  /** Types a message in the compose box and sends it, as a person does. */
  async send(text: string): Promise<void> {
    // The compose box is a Lexical rich-text editor (contenteditable): typed key by key, as a person types.
    const box = this.page.locator('[data-lexical-editor="true"][role="textbox"]');
    await box.click();
    await box.pressSequentially(text);
    await this.page.getByRole("button", { name: "Send Message" }).click();
  }

  /** Sends `text` and waits for a new card (after the ones already shown) that contains `expect`. */
  async ask(text: string, expect: string | RegExp): Promise<Locator> {
    const before = await this.count();
    await this.send(text);
    return this.waitForNewCard(before, expect);
  }

  /** Waits until a card beyond the first `before` contains `expect`; returns it. */
  async waitForNewCard(before: number, expect: string | RegExp, timeoutMs = 20_000): Promise<Locator> {
    await pollUntil(`a new card with ${String(expect)}`, async () => {
      const n = await this.count();
      for (let i = before; i < n; i++) {
        const text = await this.cards().nth(i).innerText();
        if (typeof expect === "string" ? text.includes(expect) : expect.test(text)) return true;
      }
      return undefined;
    }, timeoutMs);
    return this.card(expect);
  }

  /**
   * Sends an activity through the Playground's *Mock an Activity → Custom activity* dialog: the
   * Playground fills in its conversation, service URL and user; `activity` replaces the template.
   */
  async sendCustomActivity(activity: Record<string, unknown>): Promise<void> {
    await this.page.getByRole("button", { name: "Mock an Activity" }).click();
    await this.page.getByRole("menuitem", { name: /Custom activity/i }).click();
    const dialog = this.page.getByRole("dialog");
    const editor = dialog.locator("textarea").first();
    await editor.focus();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.press("Delete");
    // One line, inserted at once: the editor (Monaco) auto-closes brackets and re-indents after each typed
    // newline, which turns multi-line JSON invalid.
    await this.page.keyboard.insertText(JSON.stringify(activity));
    await dialog.getByRole("button", { name: "Send activity" }).click();
    await dialog.waitFor({ state: "hidden" });
  }
}
