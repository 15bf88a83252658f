import type { CloudAdapter } from "@microsoft/agents-hosting";
import type { ConversationReference } from "@microsoft/agents-activity";
import type { ConversationRef, MeetingStore } from "@paragraf/shared";
import { parseRetryAfter, PermanentJobError, RetryableJobError } from "../outbox/job-errors";
import type { adaptiveCard } from "./cards/card-text";
import { continueConversation } from "./proactive";
import { createTokenBucket, createWindowLimiter, takeAll, type Limiter } from "./rate-limits";

/** Posts a card in a conversation once under a key; later sends under the same key update that message. */
export interface CardSender {
  upsert(conversation: ConversationRef, cardKey: string, card: ReturnType<typeof adaptiveCard>): Promise<void>;
}

const retryable = new Set([412, 429, 502, 503, 504]);

/**
 * Teams' send limits per bot and conversation (7 a second, 8 in 2 s, 60 in 30 s), with windows 10 %
 * longer so that transport jitter cannot bunch our sends over Teams' count at its end.
 */
export const conversationLimits = [{ limit: 7, windowMs: 1100 }, { limit: 8, windowMs: 2200 }, { limit: 60, windowMs: 33_000 }];
/**
 * Teams' global limit per app and tenant is 30 requests a second: 27 a second with a burst of 1 keeps
 * any one-second window at 28 or under as sent, leaving room (as the 10 % longer windows above do) for
 * network jitter bunching sends together on arrival. The bucket is in this process: with several service instances
 * each keeps its own, so together they may reach instances × 30 and Teams answers 429, which the
 * outbox retries after Retry-After; a shared limit would need the buckets in PostgreSQL.
 */
export const tenantRate = { ratePerSecond: 27, burst: 1 };

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

/**
 * Creates the sender over the Agents SDK adapter, keeping each conversation within Teams' per-thread
 * limits and each tenant within its global 30 a second. `tenantLimiter` is shared with other senders
 * of the same process (the 1:1 conversations the directory opens count too).
 */
export function createCardSender(options: { adapter: CloudAdapter; store: MeetingStore; botAppId?: string; tenantLimiter?: Limiter }): CardSender {
  const perConversation = createWindowLimiter(conversationLimits);
  const perTenant = options.tenantLimiter ?? createTokenBucket(tenantRate);
  return {
    async upsert(conversation, cardKey, card) {
      const { store } = options;
      const activity = { type: "message", attachments: [card] };
      try {
        const reference = conversation.reference as unknown as ConversationReference;
        // Without an app id (local dev, anonymous) the SDK still needs an identity: the bot's own channel id.
        const appId = options.botAppId ?? reference.agent?.id ?? "paragraf-local";
        await continueConversation(options.adapter, appId, reference, async (context) => {
          // The limits are taken right before the request (and its one lookup), so setup latency cannot bunch sends up.
          await takeAll([[perConversation, `${conversation.tenantId}\u0000${conversation.conversationId}`], [perTenant, conversation.tenantId]]);
          const existing = await store.getCardPost(conversation.tenantId, conversation.conversationId, cardKey);
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
