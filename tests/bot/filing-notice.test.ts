/**
 * When filing the sealed protocol stops for good, the bot updates the justering card with the reason
 * and tells the secretary in the meeting chat (a Teams mention, since she has written there), through
 * the outbox and the Agents SDK against a local stand-in h.connector. After the secretary's retry the
 * protocol is filed and the card links it. Every card validates with the `adaptivecards` package and
 * is written (JSON and a PNG rendering) under test-results/bot/.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { archiveFailureReasons } from "@paragraf/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { justeringCard } from "../../bot/src/agent/cards/justering-card";
import { filingFailedCard } from "../../bot/src/agent/cards/filing-cards";
import { call } from "../support/http";
import { devToken, sealDemoMeeting } from "../support/seal-demo";
import type { SentActivity } from "../support/stub-connector";
import { startBotHarness, type BotHarness } from "./support/bot-harness";
import { cardProblems, renderCardShots, saveCardShots } from "./support/card-shots";

describe("filing failure notices in the meeting chat", () => {
  let h: BotHarness;
  // A file where the body's folder must be (dev mode serves one tenant: no tenant folder above it).
  const blocked = () => join(h.dataDir, "archive", "Länssamverkansgruppen Norrbygden");

  beforeAll(async () => {
    h = await startBotHarness({ chat: "19:meeting_filing@thread.v2", prefix: "filing" });
  }, 60_000);
  afterAll(async () => {
    await renderCardShots();
    await h?.close();
  });

  const send = (extra: Record<string, unknown>) => h.send(extra);
  const drain = async () => {
    await new Promise((r) => setTimeout(r, 5));
    await h.drain();
  };
  const content = (a: SentActivity) => a.body.attachments?.[0]?.content ?? {};
  const text = (a: SentActivity) => JSON.stringify(content(a));

  it("tells the secretary, by mention, why filing failed and updates the justering card", async () => {
    await send({ type: "message", text: "koppla demo-meeting" }); // the secretary writes in the chat: her Teams id is known
    await mkdir(join(h.dataDir, "archive"), { recursive: true });
    await writeFile(blocked(), "a file where the archive folder must be");
    await sealDemoMeeting(h.app);
    const before = h.connector.sent.length;
    await drain();
    const sent = h.connector.sent.slice(before);

    const notices = sent.filter((a) => text(a).includes("Öppna i Paragraf / Open in Paragraf"));
    const notice = notices.find((a) => text(a).includes("<at>"));
    expect(notice).toBeDefined();
    expect(notices).toHaveLength(1); // posted once
    expect(notice!.method).toBe("POST");
    const card = content(notice!) as { body: { text: string }[]; msteams: { entities: { type: string; text: string; mentioned: { id: string; name: string } }[] }; actions: { url: string }[] };
    expect(card.body[0]!.text).toContain("<at>Elin Strand</at>");
    expect(card.msteams.entities).toEqual([{ type: "mention", text: "<at>Elin Strand</at>", mentioned: { id: "29:elin", name: "Elin Strand" } }]);
    expect(text(notice!)).toContain(archiveFailureReasons.archiveNotWritable.sv);
    expect(text(notice!)).toContain(archiveFailureReasons.archiveNotWritable.en);
    expect(card.actions[0]!.url).toMatch(/\/\?meeting=demo-meeting$/);

    const justering = sent.filter((a) => text(a).includes("Protokollet är justerat")).at(-1)!;
    expect(justering.method).toBe("PUT"); // the same card, updated
    expect(text(justering)).toContain("Protokollet kunde inte arkiveras / The protocol could not be filed");
    expect(text(justering)).toContain(archiveFailureReasons.archiveNotWritable.sv);

    await saveCardShots({ "filing-failed-notice": content(notice!), "justering-filing-failed": content(justering) });
    await drain();
    expect(h.connector.sent.length).toBe(before + sent.length); // nothing more to tell
  }, 60_000);

  it("files after the secretary's retry and links the archive copy on the card, with no new notice", async () => {
    await rm(blocked(), { force: true });
    const retry = await call(h.app, "POST", "/api/meetings/demo-meeting/archive/retry", await devToken(h.app, "dev-secretary"), {});
    expect(retry.status, retry.text).toBe(200);
    const before = h.connector.sent.length;
    await drain();
    const sent = h.connector.sent.slice(before);
    expect(sent.some((a) => text(a).includes("<at>"))).toBe(false);
    const cards = sent.filter((a) => text(a).includes("Protokollet är justerat") && a.conversationId === "19:meeting_filing@thread.v2");
    // The retry and the filing each update the card; by the time they run, the log says filed.
    expect(cards.length).toBeGreaterThanOrEqual(2);
    expect(cards.every((a) => !text(a).includes("kunde inte arkiveras"))).toBe(true);
    const justering = cards.at(-1)!;
    expect(justering.method).toBe("PUT");
    expect(text(justering)).toContain("Arkiverat / Filed: file://");
    await saveCardShots({ "justering-filed-local": content(justering) });
  }, 60_000);

  it("builds valid cards for every archive state, and names the secretary without a mention when her Teams id is unknown", async () => {
    const state = (await h.app.deps.meetings.load(h.app.config.dev!.tenantId, "demo-meeting"))!;
    const states = [
      { state: "queued", version: 1, attempts: 0 },
      { state: "filing", version: 1, attempts: 1 },
      { state: "retrying", version: 1, attempts: 2, nextRetryAt: "2026-11-23T10:00:00.000Z", lastError: archiveFailureReasons.unavailable },
      { state: "failed", version: 1, attempts: 1, permanent: true, lastError: archiveFailureReasons.accessDenied },
      { state: "filed", version: 1, attempts: 1, url: "https://contoso.sharepoint.com/sites/lsg/Protokoll/x.pdf", filedAt: "2026-11-23T10:00:00.000Z" },
    ] as const;
    await saveCardShots(Object.fromEntries(states.map((archive) => [
      `justering-archive-${archive.state}`,
      justeringCard({ ...state, status: archive.state === "filed" ? "filed" : "sealed" }, "https://paragraf.example/?meeting=demo-meeting", {}, [], archive).content,
    ])));
    const filed = justeringCard({ ...state, status: "filed" }, "https://paragraf.example/", {}, [], states[4]);
    expect(JSON.stringify(filed.content)).toContain("Öppna arkivexemplaret");
    const plain = filingFailedCard(state, states[3], "https://paragraf.example/", { name: "Elin Strand" });
    expect(JSON.stringify(plain.content)).not.toContain("<at>");
    expect(plain.content.msteams).toBeUndefined();
    expect(JSON.stringify(plain.content)).toContain("Sites.Selected");
    expect(cardProblems(plain.content)).toEqual([]);
  });
});
