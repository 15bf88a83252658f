import type { TurnContext } from "@microsoft/agents-hosting";
import type { Deps } from "../deps";

/** Teams' users a conversation remembers at most (who has spoken, or its members). */
const maxUsers = 5000;

/**
 * Saves (or refreshes) the conversation reference of an incoming activity so outbox jobs can post
 * there later, keeping earlier links (the store coalesces body and meeting, so a chat the tab linked
 * before the bot saw it stays linked) and the members read earlier. It also remembers who spoke: on
 * the conversation (Entra object id → Teams user id, for `refresh.userIds`) and tenant-wide as a Teams
 * account, so the bot can reach that person 1:1 later; in a personal chat, that chat is theirs.
 */
export async function rememberConversation(options: { deps: Deps; context: TurnContext; tenantId: string; link?: { bodyId: string; meetingId: string } }): Promise<void> {
  const { deps, context, tenantId, link } = options;
  const activity = context.activity;
  const conversationId = activity.conversation?.id;
  if (!conversationId) return;
  const reference = activity.getConversationReference() as unknown as Record<string, unknown>;
  const saved = await deps.store.getConversation(tenantId, conversationId);
  const users = { ...((saved?.reference.users as Record<string, string> | undefined) ?? {}) };
  const from = activity.from;
  const known = !!from?.aadObjectId && users[from.aadObjectId] === from.id;
  if (from?.aadObjectId && from.id && (users[from.aadObjectId] !== undefined || Object.keys(users).length < maxUsers)) users[from.aadObjectId] = from.id;
  const kept = saved?.reference.membersAt ? { membersAt: saved.reference.membersAt } : {};
  await deps.store.saveConversation({ tenantId, conversationId, reference: { ...reference, ...kept, users }, ...(link ?? {}) });
  const personal = activity.conversation?.conversationType === "personal";
  if (from?.aadObjectId && from.id && (!known || personal)) {
    await deps.store.saveTeamsAccounts([{ tenantId, aadObjectId: from.aadObjectId, teamsUserId: from.id, ...(from.name && { name: from.name }), ...(personal && { personalConversationId: conversationId }) }]);
  }
}
