import type { ConversationParameters, ConversationReference } from "@microsoft/agents-activity";
import type { CloudAdapter } from "@microsoft/agents-hosting";
import { TeamsInfo } from "@microsoft/agents-hosting-extensions-teams";
import type { ConversationRef, MeetingStore, TeamsAccount } from "@paragraf/shared";
import type { Logger } from "pino";
import { z } from "zod";
import { classifyConnectorError, tenantRate } from "./card-sender";
import { continueConversation, createConversation } from "./proactive";
import { createTokenBucket, createWindowLimiter, takeAll, type Limiter } from "./rate-limits";

/** Who is in the chats the bot is in, and the bot's 1:1 conversations with people. */
export interface TeamsDirectory {
  /**
   * The members of a chat (Entra object id → Teams user id): fetched with `getPagedMembers` at most
   * once per `membersMaxAgeMs`, remembered on the conversation and as Teams accounts. When the lookup
   * fails the members known so far (who has spoken there) are used.
   */
  chatMembers(conversation: ConversationRef): Promise<Record<string, string>>;
  /**
   * The bot's 1:1 conversation with a user: the saved one, or a new one created through the service
   * of `via` (a conversation of the same tenant) and remembered. Undefined when neither is possible.
   */
  personalChat(account: TeamsAccount, via: ConversationRef | undefined): Promise<ConversationRef | undefined>;
}

/** Teams' Get-members limits per bot and conversation (14 a second, 16 in 2 s, 120 in 30 s), windows 10 % longer. */
export const getMembersLimits = [{ limit: 14, windowMs: 1100 }, { limit: 16, windowMs: 2200 }, { limit: 120, windowMs: 33_000 }];
/** The audience of the Bot Connector service (Azure Bot Service's public cloud). */
const botFrameworkAudience = "https://api.botframework.com";
const pageSize = 100;
const maxMembers = 5000;

const MemberSchema = z.object({
  id: z.string().min(1), aadObjectId: z.string().min(1).optional(), name: z.string().optional(),
  email: z.string().optional(), userPrincipalName: z.string().optional(),
});
const PageSchema = z.object({ members: z.array(z.unknown()).default([]), continuationToken: z.string().nullish() });

/** Creates the directory over the Agents SDK adapter. */
export function createTeamsDirectory(options: {
  adapter: CloudAdapter;
  store: MeetingStore;
  log: Logger;
  botAppId?: string;
  now?: () => Date;
  membersMaxAgeMs?: number;
  tenantLimiter?: Limiter;
}): TeamsDirectory {
  const { adapter, store, log } = options;
  const now = options.now ?? (() => new Date());
  const maxAge = options.membersMaxAgeMs ?? 10 * 60_000;
  const getMembers = createWindowLimiter(getMembersLimits);
  const failedAt = new Map<string, number>();
  const perTenant = options.tenantLimiter ?? createTokenBucket(tenantRate);
  const appIdFor = (reference: ConversationReference) => options.botAppId ?? reference.agent?.id ?? "paragraf-local";

  /** Every member of the conversation, page by page, each page within the Get-members limits. */
  const fetchMembers = async (conversation: ConversationRef) => {
    const reference = conversation.reference as unknown as ConversationReference;
    const members: z.infer<typeof MemberSchema>[] = [];
    await continueConversation(adapter, appIdFor(reference), reference, async (context) => {
      // A continuation activity carries no channel data, which TeamsInfo parses: give it the tenant.
      context.activity.channelData = { tenant: { id: reference.conversation?.tenantId ?? conversation.tenantId } };
      let token: string | undefined;
      do {
        await takeAll([[getMembers, `${conversation.tenantId}\u0000${conversation.conversationId}`]]);
        const page = PageSchema.parse(await TeamsInfo.getPagedMembers(context, pageSize, token));
        for (const m of page.members) {
          const parsed = MemberSchema.safeParse(m);
          if (parsed.success) members.push(parsed.data);
        }
        token = page.continuationToken ?? undefined;
      } while (token && members.length < maxMembers);
    });
    return members;
  };

  return {
    async chatMembers(conversation) {
      const known = (conversation.reference.users as Record<string, string> | undefined) ?? {};
      const fetchedAt = Date.parse(String(conversation.reference.membersAt ?? ""));
      if (Number.isFinite(fetchedAt) && now().getTime() - fetchedAt < maxAge) return known;
      // After a failed lookup this process waits a minute before asking about that chat again.
      const memberKey = `${conversation.tenantId}\u0000${conversation.conversationId}`;
      if (now().getTime() - (failedAt.get(memberKey) ?? -Infinity) < 60_000) return known;
      let members: z.infer<typeof MemberSchema>[];
      try {
        members = await fetchMembers(conversation);
        failedAt.delete(memberKey);
      } catch (err) {
        failedAt.set(memberKey, now().getTime());
        log.warn({ err: classifyConnectorError(err), conversationId: conversation.conversationId }, "could not read the members of a conversation; using who has spoken there");
        return known;
      }
      if (members.length === 0) return known;
      const users: Record<string, string> = {};
      for (const m of members) if (m.aadObjectId) users[m.aadObjectId] = m.id;
      await store.saveTeamsAccounts(members.filter((m) => m.aadObjectId).map((m) => ({
        tenantId: conversation.tenantId, aadObjectId: m.aadObjectId!, teamsUserId: m.id,
        ...(m.name && { name: m.name }), ...(m.email && { email: m.email }), ...(m.userPrincipalName && { userPrincipalName: m.userPrincipalName }),
      })));
      // Saved without body or meeting: the store keeps the conversation's links.
      await store.saveConversation({ tenantId: conversation.tenantId, conversationId: conversation.conversationId, reference: { ...conversation.reference, users, membersAt: now().toISOString() } });
      return users;
    },

    async personalChat(account, via) {
      if (account.personalConversationId) {
        const saved = await store.getConversation(account.tenantId, account.personalConversationId);
        if (saved?.reference.serviceUrl) return saved;
      }
      const viaReference = via?.reference as unknown as ConversationReference | undefined;
      if (!viaReference?.serviceUrl) return undefined;
      // A 1:1 needs the tenant in channelData; Teams accepts the user's Teams id (or, where the app is
      // installed for the user, their Entra object id). `bot` is the connector's wire name for the agent.
      const parameters = {
        isGroup: false,
        bot: viaReference.agent,
        agent: viaReference.agent,
        members: [{ id: account.teamsUserId, aadObjectId: account.aadObjectId, name: account.name ?? "" }],
        tenantId: account.tenantId,
        channelData: { tenant: { id: (via?.reference.conversation as { tenantId?: string } | undefined)?.tenantId ?? account.tenantId } },
      } as unknown as ConversationParameters;
      let created: ConversationReference | undefined;
      await takeAll([[perTenant, account.tenantId]]);
      try {
        const target = { appId: appIdFor(viaReference), channelId: viaReference.channelId ?? "msteams", serviceUrl: viaReference.serviceUrl, audience: botFrameworkAudience, parameters };
        await createConversation(adapter, target, async (context) => {
          created = context.activity.getConversationReference();
        });
      } catch (err) {
        throw classifyConnectorError(err);
      }
      const conversationId = created?.conversation?.id;
      if (!created || !conversationId) return undefined;
      const ref: ConversationRef = {
        tenantId: account.tenantId, conversationId,
        reference: { ...(created as unknown as Record<string, unknown>), users: { [account.aadObjectId]: account.teamsUserId }, personalFor: account.aadObjectId },
      };
      await store.saveConversation(ref);
      await store.saveTeamsAccounts([{ ...account, personalConversationId: conversationId }]);
      return ref;
    },
  };
}
