/**
 * The card sender keeps within Teams' send limits: 30 requests a second per app and tenant across all
 * its conversations, and 7 a second (8 in 2 s) per conversation. A burst of cards to many
 * conversations goes through the real Agents SDK adapter to the stand-in connector, on a thread of its
 * own so its arrival times do not wait on the sender's busy event loop, and they are counted per window.
 */
import { CloudAdapter, getAuthConfigWithDefaults } from "@microsoft/agents-hosting";
import type { ConversationRef, MeetingStore } from "@paragraf/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCardSender } from "../../bot/src/agent/card-sender";
import { adaptiveCard, label } from "../../bot/src/agent/cards/card-text";
import { createSqlMeetingStore } from "../../bot/src/storage/sql-meeting-store";
import { testBackends } from "../../bot/src/storage/test-backends";
import type { SentActivity } from "../support/stub-connector";
import { startThreadedStubConnector } from "../support/stub-connector-thread";

/** The most arrivals within any window of `ms` milliseconds (each window starting at an arrival). */
function maxInWindow(sent: readonly SentActivity[], ms: number): number {
  const times = sent.map((s) => s.at).sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (j < times.length && times[j]! < times[i]! + ms) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

describe("send limits per tenant and per conversation", () => {
  let store: MeetingStore;
  let connector: Awaited<ReturnType<typeof startThreadedStubConnector>>;

  beforeAll(async () => {
    store = createSqlMeetingStore(await testBackends()[0]!.open());
    connector = await startThreadedStubConnector();
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await connector?.close();
  });

  const conversation = (tenantId: string, id: string): ConversationRef => ({
    tenantId, conversationId: id,
    reference: { channelId: "msteams", serviceUrl: connector.url, conversation: { id, tenantId }, agent: { id: "28:paragraf-bot", name: "Paragraf" } },
  });

  it("keeps a burst across 40 conversations of a tenant at 30 a second, and each conversation at 7", async () => {
    const sender = createCardSender({ adapter: new CloudAdapter(getAuthConfigWithDefaults({})), store });
    const card = (i: number) => adaptiveCard([label(`kort ${i}`)]);
    const chats = Array.from({ length: 40 }, (_, i) => conversation("tenant-a", `19:chat-${i}@thread.v2`));
    // A warm service: Node loads its HTTP client on the first request, which would hold the first sends back together.
    await sender.upsert(conversation("tenant-warm", "19:warm@thread.v2"), "warm", card(0));
    // 80 cards over 40 chats, plus 12 more to one chat, all at once.
    const jobs = [
      ...chats.flatMap((c, i) => [sender.upsert(c, `a:${i}`, card(i)), sender.upsert(c, `b:${i}`, card(i))]),
      ...Array.from({ length: 12 }, (_, i) => sender.upsert(chats[0]!, `busy:${i}`, card(i))),
    ];
    await Promise.all(jobs);
    const sent = (await connector.sent()).filter((s) => s.conversationId.startsWith("19:chat-"));
    expect(sent).toHaveLength(92);
    expect(sent.every((s) => s.method === "POST")).toBe(true);
    // Across the tenant: never more than 30 in any second, and the burst needed at least three seconds' worth of windows.
    expect(maxInWindow(sent, 1000)).toBeLessThanOrEqual(30);
    expect(maxInWindow(sent, 3000)).toBeLessThan(92);
    // Per conversation: 7 a second and 8 in two seconds, even for the busy chat.
    const busy = sent.filter((s) => s.conversationId === chats[0]!.conversationId);
    expect(busy).toHaveLength(14);
    expect(maxInWindow(busy, 1000)).toBeLessThanOrEqual(7);
    expect(maxInWindow(busy, 2000)).toBeLessThanOrEqual(8);
    // Posted once per key: sending again updates the same messages.
    const before = (await connector.sent()).length;
    await sender.upsert(chats[1]!, "a:1", card(1));
    expect((await connector.sent()).slice(before).map((s) => s.method)).toEqual(["PUT"]);
  }, 30_000);
});
