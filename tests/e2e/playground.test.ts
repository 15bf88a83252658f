/**
 * The bot end to end through the Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`),
 * as a person tries it locally: the service runs as its own process (dev mode, PGlite, a temp
 * DATA_DIR, its outbox worker), the Playground as `npm run playground` starts it (channel msteams,
 * `--dt`, TEAMSAPPTESTER_BROWSER=none, an explicit free port) and Chromium drives the Playground's web
 * client: messages typed in its compose box, cards read as the Playground renders them, *Begär
 * ändring* (ShowCard, a comment, Skicka) and *Justera* clicked on the justering card (`Action.Execute`
 * invokes through the Playground to /api/messages, the card replaced by the bot's answer). The
 * Playground is the Bot Connector for the bot here: its replies and the outbox's later posts and
 * updates go to the Playground's `/_connector` (the conversation's serviceUrl), so the meeting cards,
 * the justering card, the change-request notice and the sealed and filed card appear in the same chat.
 * It runs offline: `--dt` turns its telemetry off and the page's only outside request (web fonts from
 * a CDN) is blocked. The suite stands aside only when Chromium is missing, and says so.
 *
 * The Playground's user is configured (its `.m365agentsplayground.yml`, `currentUser`) as the demo
 * chair Astrid Lindqvist: Entra object id `dev-chair`, the id the demo roster has for her. She may link
 * the chat (a body role) and is a signatory of the protocol. The secretary's part (open, close, send
 * for justering) and the adjusters' signatures go through the service's HTTP API with dev tokens.
 *
 * The Playground emulates no Teams meeting (no meeting start/end events, no meeting in channelData),
 * so the meeting start and end events are sent as custom activities through its own
 * *Mock an Activity → Custom activity* dialog, with the Playground's conversation and service URL.
 * Screenshots land in test-results/e2e/playground-*.png.
 */
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { spawnService, spawnedToken, type SpawnedService } from "../support/spawn-service";
import { hasChromium, launchChromium, warnNoChromium } from "./support/browser";
import { PlaygroundChat, pollUntil, startPlayground, type PlaygroundUser, type RunningPlayground } from "./support/playground";

warnNoChromium("tests/e2e/playground.test.ts");
const shots = "test-results/e2e";

/** The demo roster's people as Playground users (Entra object id = the roster's user id). */
const chair: PlaygroundUser = { id: "29:playground-astrid", name: "Astrid Lindqvist", aadObjectId: "dev-chair", email: "astrid@example.com" };
const others: PlaygroundUser[] = [
  { id: "29:playground-maja", name: "Maja Öberg", aadObjectId: "dev-adjuster", email: "maja@example.com" },
  { id: "29:playground-sara", name: "Sara Abdi", aadObjectId: "dev-adjuster2", email: "sara@example.com" },
  { id: "29:playground-elin", name: "Elin Strand", aadObjectId: "dev-secretary", email: "elin@example.com" },
  { id: "29:playground-johan", name: "Johan Nyström", aadObjectId: "dev-member", email: "johan@example.com" },
  { id: "29:playground-henrik", name: "Henrik Sundqvist", aadObjectId: "dev-vice", email: "henrik@example.com" },
];

interface MeetingView {
  seq: number;
  meeting: { status: string; items: { title: string; status: string }[]; protocol: { version: number; signatories: { personId: string }[]; signatures: { personId: string }[] }; members: { id: string; userId?: string }[] };
}

describe.runIf(hasChromium)("the bot through the Microsoft 365 Agents Playground", () => {
  let dir: string;
  let service: SpawnedService | undefined;
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let chat: PlaygroundChat;

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), "paragraf-playground-"));
    await mkdir(join(dir, "data"));
    const t0 = Date.now();
    // PGlite in its own DATA_DIR even when DATABASE_URL is set for the storage suites (an empty value is unset).
    service = await spawnService({ DATA_DIR: join(dir, "data"), SEED_DEMO: "true", DATABASE_URL: "", DATABASE_SCHEMA: "" });
    const t1 = Date.now();
    playground = await startPlayground({ appEndpoint: `${service.base}/api/messages`, workDir: dir, currentUser: chair, users: others });
    console.info(`playground e2e: service ready in ${t1 - t0} ms, Playground in ${Date.now() - t1} ms`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    // Offline: the Playground's web client asks a CDN for fonts; nothing leaves the machine.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
    chat = new PlaygroundChat(page);
    await chat.record();
  }, 90_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    playground?.kill();
    service?.kill();
    await service?.exited();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const api = async (method: "GET" | "POST", path: string, body?: unknown, user = "dev-secretary"): Promise<MeetingView> => {
    const res = await fetch(`${service!.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${await spawnedToken(user)}`, "content-type": "application/json" },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as MeetingView;
  };

  /**
   * A Teams meeting start or end event for this chat. The envelope (channel, service URL, users,
   * conversation, tenant) is the Playground's own, as its Custom activity template fills it in; the
   * meeting in channelData and the value are what Teams adds.
   */
  const meetingEvent = (name: "application/vnd.microsoft.meetingStart" | "application/vnd.microsoft.meetingEnd", id: string) => ({
    type: "event",
    name,
    id,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl: playground!.serviceUrl,
    from: { id: chair.id, name: chair.name, aadObjectId: chair.aadObjectId },
    recipient: { id: playground!.botId, name: "Paragraf" },
    conversation: { id: playground!.personalChatId, conversationType: "personal", tenantId: playground!.tenantId },
    channelData: { tenant: { id: playground!.tenantId }, meeting: { id: "playground-teams-meeting" } },
    value: {
      Id: "playground-teams-meeting", MeetingType: "Scheduled", Title: "Ledningsgruppen",
      JoinUrl: "https://teams.microsoft.com/l/meetup-join/playground",
      ...(name.endsWith("Start") ? { StartTime: new Date().toISOString() } : { EndTime: new Date().toISOString() }),
    },
  });

  it("answers the commands, posts the meeting cards, takes a change request and a signature from the card", { timeout: 120_000 }, async () => {
    const started = Date.now();
    // On failure: what the Playground showed, and what its log says it exchanged with the bot.
    onTestFailed(async () => {
      await page.screenshot({ path: `${shots}/playground-failure.png` }).catch(() => undefined);
      console.error(`Last cards rendered:\n${(await chat.seen().catch(() => [])).slice(-4).join("\n----\n")}`);
      console.error(`Playground output:\n${playground?.output() ?? ""}\nPlayground log:\n${await readFile(join(dir, "playground.log"), "utf8").catch(() => "")}`.slice(-20_000));
    });
    await page.goto(`${playground!.base}/`);
    // Installing the app in the personal chat: the bot welcomes.
    await pollUntil("the welcome card", async () => ((await chat.card("Kom igång").count()) > 0 ? true : undefined));

    const help = await chat.ask("hjälp", "hjälp / help");
    expect(await help.innerText()).toContain("agenda / dagordning");
    expect(await help.innerText()).toContain("koppla");

    const linked = await chat.ask("koppla demo-meeting", "Chatten är kopplad till mötet");
    expect(await linked.innerText()).toContain("This chat is linked to the meeting");

    const demo = await api("GET", "/api/meetings/demo-meeting");
    const agendaTitles = demo.meeting.items.filter((i) => i.status !== "withdrawn").map((i) => i.title);
    expect(agendaTitles).toHaveLength(15);
    const agenda = await chat.ask("agenda", "Dagordning / Agenda");
    const agendaText = await agenda.innerText();
    expect(agendaText.match(/§ \d+/g)).toHaveLength(15);
    for (const title of agendaTitles) expect(agendaText).toContain(title);
    await page.screenshot({ path: `${shots}/playground-agenda.png` });

    const decisions = await chat.ask("beslut", "Beslut / Decisions");
    expect(await decisions.innerText()).toContain("Inga beslut ännu. / No decisions yet.");
    const status = await chat.ask("status", "Protokollstatus / Protocol status");
    expect(await status.innerText()).toContain("Planerat / Planned");

    // Meeting start: not emulated by the Playground, so sent as a custom activity through its dialog;
    // the outbox worker then posts the agenda card to the Playground's connector.
    const before = await chat.count();
    await chat.sendCustomActivity(meetingEvent("application/vnd.microsoft.meetingStart", "playground-meeting-start"));
    const startCard = await chat.waitForNewCard(before, "Dagordning / Agenda");
    expect((await startCard.innerText()).match(/§ \d+/g)).toHaveLength(15);

    // The secretary runs the meeting in the tab (here its API): open, close.
    let seq = demo.seq;
    const post = async (path: string, body: Record<string, unknown> = {}, user = "dev-secretary") => {
      seq = (await api("POST", `/api/meetings/demo-meeting${path}`, { expectedSeq: seq, ...body }, user)).seq;
    };
    await post("/open");
    await post("/close");

    // Meeting end: also a custom activity; the outbox posts the summary card.
    const beforeEnd = await chat.count();
    await chat.sendCustomActivity(meetingEvent("application/vnd.microsoft.meetingEnd", "playground-meeting-end"));
    const summary = await chat.waitForNewCard(beforeEnd, "Mötet är avslutat / The meeting has ended");
    expect(await summary.innerText()).toContain("Uppdrag / Assignments");
    await page.screenshot({ path: `${shots}/playground-summary.png` });

    // Sent for justering: the outbox delivers the justering card into the Playground's chat, where the
    // chair (a member of this chat and a signatory) sees her own buttons.
    const sendForJustering = async () => {
      const res = await fetch(`${service!.base}/api/meetings/demo-meeting/protocol?format=html`, { headers: { authorization: `Bearer ${await spawnedToken()}` } });
      const { hash } = (await res.json()) as { hash: string };
      const shown = await chat.count();
      await post("/protocol/send-for-justering", { hash });
      return { hash, card: await chat.waitForNewCard(shown, "Justera / Sign") };
    };
    const first = await sendForJustering();
    const firstText = await first.card.innerText();
    expect(firstText).toContain("Version 1");
    expect(firstText).toMatch(/Astrid Lindqvist \(Ordförande\)\s+Väntar \/ Pending/);
    expect(firstText).toMatch(/Maja Öberg \(Justerare\)\s+Väntar \/ Pending/);
    await page.screenshot({ path: `${shots}/playground-justering.png` });

    // Begär ändring: the card's ShowCard opens a comment box whose Skicka is an Action.Execute with the
    // comment; the bot answers the invoke, and the outbox tells the secretary in the chat.
    const comment = "Rätta närvarolistan: Johan Nyström var inte där.";
    let seenBefore = (await chat.seen()).length;
    const beforeRequest = await chat.count();
    await first.card.getByRole("button", { name: "Begär ändring / Request a change" }).click();
    await first.card.locator("textarea, input[type=text]").first().fill(comment);
    await first.card.getByRole("button", { name: "Skicka / Send" }).click();
    const requested = await pollUntil("the card's answer to Begär ändring", async () => (await chat.seen()).slice(seenBefore).find((t) => t.includes("Din begäran om ändring har skickats till sekreteraren.")));
    expect(requested).toContain("Your change request was sent to the secretary.");
    const announced = await chat.waitForNewCard(beforeRequest, "Begäran om ändring i protokollet");
    expect(await announced.innerText()).toContain(comment);
    expect(await announced.innerText()).toContain("Astrid Lindqvist vill att protokollet ändras.");
    await page.screenshot({ path: `${shots}/playground-change-request.png` });
    const drafted = await api("GET", "/api/meetings/demo-meeting");
    expect(drafted.meeting.status).toBe("drafted");
    seq = drafted.seq;

    // The secretary sends it again: version 2 gets its own card.
    const { hash, card: justering } = await sendForJustering();
    expect(await justering.innerText()).toContain("Version 2");

    // Action.Execute round trip: click Justera; the Playground invokes the bot (adaptiveCard/action) and
    // replaces the card with the bot's answer. The outbox's progress update replaces that within a
    // moment, so the answer is read from every card the page rendered (PlaygroundChat.record).
    seenBefore = (await chat.seen()).length;
    await justering.getByRole("button", { name: "Justera / Sign" }).click();
    const answer = await pollUntil("the card's answer to Justera", async () => (await chat.seen()).slice(seenBefore).find((t) => t.includes("Din justering är registrerad.")));
    expect(answer).toContain("Your sign-off is recorded.");
    expect(answer).not.toContain("Justera / Sign");
    expect(answer).toMatch(/Astrid Lindqvist \(Ordförande\)\s+✔ \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(answer).toMatch(/Maja Öberg \(Justerare\)\s+Väntar \/ Pending/);
    // The outbox then updates the chat's card with the progress. (Whether that shared card still shows
    // buttons for the signatories left depends on which view the Playground renders last — it has no
    // per-user views — so only the progress is checked here; her own view above has none.)
    const progress = await pollUntil("the chat's card updated with the signature", async () => {
      const text = await chat.card("Justering av protokoll").innerText();
      return /Astrid Lindqvist \(Ordförande\)\s+✔/.test(text) && !text.includes("Din justering är registrerad.") ? text : undefined;
    });
    expect(progress).toMatch(/Maja Öberg \(Justerare\)\s+Väntar \/ Pending/);
    await page.screenshot({ path: `${shots}/playground-signed.png` });

    const afterClick = await api("GET", "/api/meetings/demo-meeting");
    const chairPerson = afterClick.meeting.members.find((m) => m.userId === "dev-chair")!;
    expect(afterClick.meeting.protocol.signatures.filter((s) => s.personId === chairPerson.id)).toHaveLength(1);
    seq = afterClick.seq;

    // The other signatories sign in the tab (its API); at the last one the protocol is sealed and the
    // outbox updates the chat's card to "Protokollet är justerat".
    for (const s of afterClick.meeting.protocol.signatories) {
      const userId = afterClick.meeting.members.find((m) => m.id === s.personId)?.userId;
      if (!userId || userId === "dev-chair") continue;
      await post("/commands", { command: { type: "protocol.sign", hash } }, userId);
    }
    // Sealed, then filed by the outbox's filing job (local archive): the card says so and links the PDF.
    const sealed = await pollUntil("the sealed and filed card", async () => {
      const text = await chat.card("Protokollet är justerat / The protocol is signed").innerText();
      return text.includes("Arkiverat / Filed: file://") ? text : undefined;
    }, 30_000);
    expect(sealed).toMatch(/Elin Strand \(Sekreterare\)\s+✔/);
    expect(sealed).toMatch(/Sara Abdi \(Justerare\)\s+✔/);
    expect(sealed).not.toContain("Väntar / Pending");
    expect(await chat.cards().filter({ hasText: "Protokollet är justerat" }).count()).toBe(1);
    await page.screenshot({ path: `${shots}/playground-sealed.png` });
    const finalStatus = await (await chat.ask("status", "Protokollstatus / Protocol status")).innerText();
    expect(finalStatus).toMatch(/Arkiverat \/ Filed|Justerat \/ Signed/);
    expect(finalStatus.match(/Justerat \d{4}-\d\d-\d\d \d\d:\d\d/g)).toHaveLength(afterClick.meeting.protocol.signatories.length);
    console.info(`playground e2e: ${Date.now() - started} ms from the Playground's page to the sealed card`);
  });
});
