import type { ArchiveStatus, ConversationRef, MeetingState, Person } from "@paragraf/shared";
import { PermanentJobError } from "../outbox/job-errors";
import type { Deps } from "../deps";
import type { CardSender } from "./card-sender";
import { justeringCard, type reminderCard } from "./cards/justering-card";
import { accountOf, planJusteringRecipients } from "./justering-recipients";
import type { TeamsDirectory } from "./teams-directory";

/** The card key of a protocol version's justering card: one message per conversation and version. */
export const justeringCardKey = (state: MeetingState) => `justering:${state.id}:v${state.protocol.version}`;

/**
 * Posts or updates the justering card of the current protocol version: in every chat linked to the
 * meeting, where the signatories who are members see their own buttons, and 1:1 to each signatory
 * who is in none of those chats but has a Teams account the bot knows (idempotent per signatory and
 * version: the 1:1 conversation is the signatory's, the card key the version's). A 1:1 card once posted
 * is kept up to date even if its signatory later joins a chat.
 */
export async function deliverJusteringCards(options: { deps: Deps; sender: CardSender; directory?: TeamsDirectory; tenantId: string; state: MeetingState; tabUrl: string; archive?: ArchiveStatus }): Promise<void> {
  const { deps, sender, directory, tenantId, state, tabUrl, archive } = options;
  const key = justeringCardKey(state);
  const { chats, signatories, accounts, plan } = await justeringAudience(options);
  for (const chat of chats) {
    await sender.upsert(chat, key, justeringCard(state, tabUrl, {}, plan.chatUserIds.get(chat.conversationId) ?? [], archive));
  }
  if (!directory) return;
  const personal = new Map(plan.personal.map((p) => [p.personId, p.account]));
  for (const person of signatories) {
    const account = accountOf(person, accounts);
    if (personal.has(person.id) || !account?.personalConversationId) continue;
    if (await deps.store.getCardPost(tenantId, account.personalConversationId, key)) personal.set(person.id, account);
  }
  for (const [personId, account] of personal) {
    await sendPersonal(deps, () => directory.personalChat(account, chats[0]), (chat) => sender.upsert(chat, key, justeringCard(state, tabUrl, { personId }, [account.teamsUserId], archive)));
  }
  if (plan.unreachable.length > 0) deps.log.info({ meetingId: state.id, personIds: plan.unreachable }, "signatories with no known Teams account sign in the tab");
}

/**
 * A justering reminder: in every linked chat, and 1:1 to each pending signatory who gets the
 * justering card 1:1 (one message per conversation and reminder key).
 */
export async function deliverReminders(options: { deps: Deps; sender: CardSender; directory?: TeamsDirectory; tenantId: string; state: MeetingState; card: ReturnType<typeof reminderCard>; key: string }): Promise<void> {
  const { sender, directory, state, card, key } = options;
  const { chats, plan } = await justeringAudience(options);
  for (const chat of chats) await sender.upsert(chat, key, card);
  if (!directory) return;
  const version = state.protocol.version;
  for (const { personId, account } of plan.personal) {
    if (state.protocol.signatures.some((s) => s.personId === personId && s.version === version)) continue;
    await sendPersonal(options.deps, () => directory.personalChat(account, chats[0]), (chat) => sender.upsert(chat, key, card));
  }
}

/**
 * Sends one 1:1 card. A person the bot cannot reach for good (Teams answers 403 when the app is not
 * installed for them, 404 for a gone user) is logged and skipped, so the others still get theirs;
 * anything worth retrying fails the job, which the outbox retries (what was posted is then updated).
 */
export async function sendPersonal(deps: Deps, open: () => Promise<ConversationRef | undefined>, send: (chat: ConversationRef) => Promise<void>): Promise<void> {
  try {
    const chat = await open();
    if (chat) await send(chat);
  } catch (err) {
    if (!(err instanceof PermanentJobError)) throw err;
    deps.log.warn({ err }, "a 1:1 card could not be delivered; that person uses the tab");
  }
}

/** The chats of a meeting with their members, its signatories and their Teams accounts, and where each gets the card. */
async function justeringAudience(options: { deps: Deps; directory?: TeamsDirectory; tenantId: string; state: MeetingState }) {
  const { deps, directory, tenantId, state } = options;
  const chats = await deps.store.conversationsOfMeeting(tenantId, state.id);
  const members = await Promise.all(chats.map(async (chat) => ({
    conversationId: chat.conversationId,
    users: directory ? await directory.chatMembers(chat) : ((chat.reference.users as Record<string, string> | undefined) ?? {}),
  })));
  const signatories = state.protocol.signatories
    .map((s) => state.members.find((m) => m.id === s.personId))
    .filter((p): p is Person => !!p);
  const accounts = await deps.store.findTeamsAccounts(tenantId, {
    aadObjectIds: signatories.flatMap((p) => (p.userId ? [p.userId] : [])),
    emails: signatories.flatMap((p) => (p.email ? [p.email] : [])),
  });
  return { chats, signatories, accounts, plan: planJusteringRecipients(signatories, members, accounts) };
}
