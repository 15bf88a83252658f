/**
 * A Teams host for browser tests: a page served at https://teams.microsoft.com (fulfilled by the test
 * through `route`, no network) that frames the real tab and answers the teams-js host protocol over
 * postMessage, as Teams does: `initialize` (frame context, client type, runtime config, SDK version),
 * `getContext`, `authentication.getAuthToken`, `meeting.shareAppContentToStage`, the settings page's
 * `settings.setValidityState` / `settings.setSettings` and `settings.save`, and `themeChange` pushes.
 *
 * teams-js (2.x) accepts messages only from its parent window on an allow-listed https origin, and
 * `teams.microsoft.com` is on its built-in list. Requests are `{ id, uuidAsString, func, args }`; a
 * response echoes `id` and `uuidAsString` with `args`; a host-to-app call is `{ func, args }`.
 */
import type { BrowserContext, Frame, Page } from "playwright-core";

/** The Teams host's origin; teams-js trusts it out of the box. */
export const teamsOrigin = "https://teams.microsoft.com";

/** What the host tells the tab about where it runs. */
export interface HostContext {
  tenantId: string;
  userObjectId: string;
  userName: string;
  userPrincipalName?: string;
  /** Teams locale tag, e.g. "sv-SE" or "en-US". */
  locale: string;
  /** Teams theme name: "default" (light), "dark" or "contrast". */
  theme: "default" | "dark" | "contrast";
  frameContext: "content" | "sidePanel" | "meetingStage" | "settings";
  meetingId?: string;
  chatId?: string;
  entityId?: string;
}

/** One message the tab sent to the host. */
export interface HostCall { func: string; args: unknown[] }

/** The outcome of pressing Save on the settings page. */
export interface SaveOutcome { result: "success" | "failure"; reason?: unknown; config?: Record<string, unknown> }

/** The runtime config a current Teams web client announces (API version 4), with the capabilities the tab uses. */
const runtimeConfig = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: {
    app: {}, appEntity: {}, appInstallDialog: {}, chat: {}, conversations: {}, interactive: {}, logs: {},
    meeting: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
    teamsCore: {}, stageView: {},
  },
};

const harnessPath = "/_paragraf-test-host";

/** A Teams host page framing the tab, recording every host call. */
export class TeamsHostHarness {
  /** Every message the tab sent to the host, in order. */
  readonly calls: HostCall[] = [];
  /** Every SSO token the host handed out. */
  readonly issuedTokens: string[] = [];
  private saves: ((outcome: SaveOutcome) => void)[] = [];
  private lastConfig: Record<string, unknown> | undefined;

  private constructor(readonly page: Page, private host: HostContext, private mintToken: () => Promise<string>) {}

  /**
   * Opens the host page at https://teams.microsoft.com in a new page of `context` and frames `tabUrl`
   * in it. The CDN list of valid origins that teams-js tries to fetch is refused (its built-in list applies).
   */
  static async open(context: BrowserContext, options: { tabUrl: string; host: HostContext; token: () => Promise<string> }): Promise<TeamsHostHarness> {
    const page = await context.newPage();
    const harness = new TeamsHostHarness(page, options.host, options.token);
    await context.route("https://res.cdn.office.net/**", (route) => route.abort());
    await page.route(`${teamsOrigin}${harnessPath}`, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: hostPage(options.tabUrl) }));
    await page.exposeFunction("__paragrafHost", (json: string) => harness.answer(JSON.parse(json) as HostCall & { id: number; uuidAsString?: string }));
    await page.goto(`${teamsOrigin}${harnessPath}`);
    return harness;
  }

  /** The framed tab. */
  async tab(): Promise<Frame> {
    const handle = await this.page.waitForSelector("iframe#tab");
    const frame = await handle.contentFrame();
    if (!frame) throw new Error("the tab frame is missing");
    return frame;
  }

  /** Changes the host's theme and tells the tab, as Teams does when the user switches theme. */
  async changeTheme(theme: HostContext["theme"]): Promise<void> {
    this.host = { ...this.host, theme };
    await this.push("themeChange", [theme]);
  }

  /** Presses Save on the settings page: resolves with the tab's notifySuccess/notifyFailure and the config it set. */
  async save(): Promise<SaveOutcome> {
    this.lastConfig = undefined;
    const outcome = new Promise<SaveOutcome>((resolve) => this.saves.push(resolve));
    await this.push("settings.save", [{ webhookUrl: "" }]);
    return outcome;
  }

  /** The calls to one host function so far. */
  callsTo(func: string): HostCall[] {
    return this.calls.filter((c) => c.func === func);
  }

  /** Waits until the tab has called a host function (optionally one matching a predicate). */
  async waitForCall(func: string, timeoutMs = 10_000, match: (call: HostCall) => boolean = () => true): Promise<HostCall> {
    const started = Date.now();
    for (;;) {
      const found = this.calls.find((c) => c.func === func && match(c));
      if (found) return found;
      if (Date.now() - started > timeoutMs) throw new Error(`the tab did not call ${func} within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.func).join(", ")}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async push(func: string, args: unknown[]): Promise<void> {
    await this.page.evaluate(([f, a]) => (window as unknown as { __push(f: string, a: unknown[]): void }).__push(f, a), [func, args] as const);
  }

  /** Answers one request of the tab; undefined means a one-way message (no response). */
  private async answer(msg: HostCall & { id: number; uuidAsString?: string }): Promise<unknown[] | undefined> {
    const call: HostCall = { func: msg.func, args: Array.isArray(msg.args) ? msg.args : [] };
    this.calls.push(call);
    const h = this.host;
    switch (call.func) {
      case "initialize":
        return [h.frameContext, "web", JSON.stringify(runtimeConfig), "2.58.0"];
      case "getContext":
        return [{
          locale: h.locale, theme: h.theme, frameContext: h.frameContext, entityId: h.entityId ?? "paragraf",
          tid: h.tenantId, userObjectId: h.userObjectId, userDisplayName: h.userName, userPrincipalName: h.userPrincipalName ?? "",
          loginHint: h.userPrincipalName ?? "", hostClientType: "web", hostName: "Teams", appSessionId: "test-session", sessionId: "test-host-session",
          ...(h.chatId ? { chatId: h.chatId } : {}), ...(h.meetingId ? { meetingId: h.meetingId } : {}),
        }];
      case "authentication.getAuthToken": {
        const token = await this.mintToken();
        this.issuedTokens.push(token);
        return [true, token];
      }
      case "meeting.shareAppContentToStage":
        return [null, true];
      case "meeting.getAppContentStageSharingCapabilities":
        return [null, { doesAppHaveSharePermission: true }];
      case "settings.setSettings":
        this.lastConfig = (call.args[0] ?? {}) as Record<string, unknown>;
        return [true];
      case "settings.getSettings":
        return [this.lastConfig ?? {}];
      case "settings.save.success":
        this.saves.shift()?.({ result: "success", ...(this.lastConfig ? { config: this.lastConfig } : {}) });
        return undefined;
      case "settings.save.failure":
        this.saves.shift()?.({ result: "failure", reason: call.args[0], ...(this.lastConfig ? { config: this.lastConfig } : {}) });
        return undefined;
      default:
        // One-way notifications (appInitialization.success, registerHandler, settings.setValidityState, …).
        return undefined;
    }
  }
}

/** The host page: frames the tab and relays its messages to the test (and the test's pushes to it). */
function hostPage(tabUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams (test host)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style></head>
<body><iframe id="tab" title="Paragraf" src="${tabUrl.replaceAll("&", "&amp;").replaceAll('"', "&quot;")}"></iframe>
<script>
const frame = document.getElementById("tab");
window.addEventListener("message", async (event) => {
  if (event.source !== frame.contentWindow) return;
  const msg = event.data;
  if (!msg || typeof msg.func !== "string" || typeof msg.id !== "number") return;
  const args = await window.__paragrafHost(JSON.stringify(msg));
  if (args) frame.contentWindow.postMessage({ id: msg.id, uuidAsString: msg.uuidAsString, args }, "*");
});
window.__push = (func, args) => frame.contentWindow.postMessage({ func, args }, "*");
</script></body></html>`;
}
