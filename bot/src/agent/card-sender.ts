import type { CloudAdapter } from "@microsoft/agents-hosting";
import type { ConversationReference } from "@microsoft/agents-activity";
import type { ConversationRef, MeetingStore } from "@paragraf/shared";
import { parseRetryAfter, PermanentJobError, RetryableJobError } from "../outbox/job-errors";
import type { adaptiveCard } from "./cards/card-text";

/** Posts a card in a conversation once under a key; later sends under the same key update that message. */
export interface CardSender {
  upsert(conversation: ConversationRef, cardKey: string, card: ReturnType<typeof adaptiveCard>): Promise<void>;
}

const retryable = new Set([412, 429, 502, 503, 504]);
const perSecond = 7;

/** Maps a connector failure to how the outbox should treat it (Teams asks to retry 429, 412, 502, 504). */
export function classifyConnectorError(err: unknown): Error {
  const e = err as { status?: number; message?: string; response?: { headers?: Record<string, string> | { get(name: string): string | null } } };
  const status = e.status;
  const headers = e.response?.headers;
  const retryAfter = headers && typeof (headers as { get?: unknown }).get === "function"
    ? (headers as { get(name: string): string | null }).get("retry-after")
    : (headers as Record<string, string> | undefined)?.["retry-after"];
  if (status !== undefined && retryable.has(status)) return new RetryableJobError(`connector answered ${status}`, parseRetryAfter(retryAfter));
  if (status === 403 || status === 404) return new PermanentJobError(`connector answered ${status}: the bot is no longer in the conversation`);
  return err instanceof Error ? err : new Error(String(err));
}

/** Creates the sender over the Agents SDK adapter, keeping each conversation under 7 sends a second. */
export function createCardSender(options: { adapter: CloudAdapter; store: MeetingStore; botAppId?: string }): CardSender {
  const recent = new Map<string, number[]>();
  const throttle = async (conversationId: string) => {
    for (;;) {
      const now = Date.now();
      const times = (recent.get(conversationId) ?? []).filter((t) => now - t < 1000);
      if (times.length < perSecond) {
        recent.set(conversationId, [...times, now]);
        return;
      }
      await new Promise((r) => setTimeout(r, 1000 - (now - times[0]!)));
    }
  };
  return {
    async upsert(conversation, cardKey, card) {
      const { store } = options;
      await throttle(conversation.conversationId);
      const existing = await store.getCardPost(conversation.tenantId, conversation.conversationId, cardKey);
      const activity = { type: "message", attachments: [card] };
      try {
        const reference = conversation.reference as unknown as ConversationReference;
        // Without an app id (local dev, anonymous) the SDK still needs an identity: the bot's own channel id.
        const appId = options.botAppId ?? reference.agent?.id ?? "paragraf-local";
        await options.adapter.continueConversation(appId, reference, async (context) => {
          if (existing) {
            await context.updateActivity({ ...activity, id: existing } as never);
            return;
          }
          const sent = await context.sendActivity(activity as never);
          if (sent?.id) await store.saveCardPost(conversation.tenantId, conversation.conversationId, cardKey, sent.id);
        });
      } catch (err) {
        throw classifyConnectorError(err);
      }
    },
  };
}
