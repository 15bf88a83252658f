/**
 * The Teams host, when there is one: `app.initialize()`, the context, SSO tokens and theme changes.
 * teams-js is loaded only when the page is framed (or opened) by another window, because a top-level
 * browser tab can never be Teams — there `initialize()` would reject anyway, and the dev mode starts at once.
 */
export type HostTheme = "light" | "dark" | "contrast";

/** What the tab needs from the Teams context. */
export interface TeamsInfo {
  tenantId?: string;
  userId?: string;
  userName?: string;
  locale?: string;
  meetingId?: string;
  chatId?: string;
  frameContext?: string;
  theme: HostTheme;
  getAuthToken(): Promise<string>;
  onThemeChange(handler: (theme: HostTheme) => void): void;
  shareToStage?: (url: string) => Promise<void>;
  /** The configuration page's hooks (present in the settings frame). */
  config?: {
    setValid(valid: boolean): void;
    onSave(save: () => Promise<{ contentUrl: string; entityId: string; suggestedDisplayName: string; websiteUrl?: string }>): void;
  };
}

/** Maps a Teams theme name to ours. */
export function themeOf(name: string | undefined): HostTheme {
  return name === "dark" ? "dark" : name === "contrast" ? "contrast" : "light";
}

const initTimeoutMs = 8_000;

/** Whether the page could be hosted (framed or opened by another window). */
export function mayBeHosted(): boolean {
  try {
    return window.parent !== window || window.opener != null;
  } catch {
    return true;
  }
}

/** Connects to Teams; resolves undefined outside Teams (never hangs: initialization races a timeout). */
export async function connectTeams(): Promise<TeamsInfo | undefined> {
  if (!mayBeHosted()) return undefined;
  try {
    const teams = await import("./teams-sdk");
    const timeout = new Promise<never>((_r, reject) => setTimeout(() => reject(new Error("Teams did not answer")), initTimeoutMs));
    await Promise.race([teams.app.initialize(), timeout]);
    const ctx = await teams.app.getContext();
    const frame = ctx.page.frameContext as string | undefined;
    const info: TeamsInfo = {
      tenantId: ctx.user?.tenant?.id,
      userId: ctx.user?.id,
      userName: ctx.user?.displayName ?? ctx.user?.userPrincipalName,
      locale: ctx.app.locale,
      meetingId: ctx.meeting?.id,
      chatId: ctx.chat?.id,
      frameContext: frame,
      theme: themeOf(ctx.app.theme),
      getAuthToken: () => teams.authentication.getAuthToken(),
      onThemeChange: (handler) => teams.app.registerOnThemeChangeHandler((t) => handler(themeOf(t))),
    };
    if (frame === "sidePanel" || frame === "meetingStage") {
      info.shareToStage = (url) =>
        new Promise<void>((resolve, reject) =>
          teams.meeting.shareAppContentToStage((err) => (err ? reject(new Error(err.message ?? String(err.errorCode))) : resolve()), url));
    }
    if (frame === "settings") {
      info.config = {
        setValid: (valid) => teams.pages.config.setValidityState(valid),
        onSave: (save) =>
          teams.pages.config.registerOnSaveHandler((evt) => {
            save().then((cfg) => teams.pages.config.setConfig(cfg)).then(() => evt.notifySuccess(), (err: unknown) => evt.notifyFailure(String(err)));
          }),
      };
    }
    teams.app.notifySuccess();
    return info;
  } catch {
    return undefined;
  }
}
