import type { Person, TeamsAccount } from "@paragraf/shared";

/** The members of one chat a meeting is linked to: Entra object id → Teams user id. */
export interface ChatMembers {
  conversationId: string;
  users: Record<string, string>;
}

/** Where each signatory gets the justering card. */
export interface JusteringRecipients {
  /** Per chat, the Teams ids of the signatories in it, for `refresh.userIds` (their own buttons). */
  chatUserIds: Map<string, string[]>;
  /** Signatories not reachable in any linked chat who get the card 1:1, with their Teams account. */
  personal: { personId: string; account: TeamsAccount }[];
  /** Signatories with no Teams account known: they sign in the tab. */
  unreachable: string[];
}

/** Teams shows per-user views to at most 60 users of a card (`refresh.userIds`). */
export const maxRefreshUsers = 60;

/** The Teams account of a roster person: by Entra object id, else by e-mail matching an account's e-mail or UPN. */
export function accountOf(person: Person, accounts: readonly TeamsAccount[]): TeamsAccount | undefined {
  const byId = person.userId ? accounts.find((a) => a.aadObjectId === person.userId) : undefined;
  if (byId) return byId;
  const email = person.email?.trim().toLowerCase();
  return email ? accounts.find((a) => a.email?.toLowerCase() === email || a.userPrincipalName?.toLowerCase() === email) : undefined;
}

/**
 * Decides who sees the justering card where: a signatory who is a member of a linked chat gets their
 * own view of the chat's card (up to 60 a chat); everyone else with a known Teams account gets it 1:1;
 * the rest are listed as unreachable.
 */
export function planJusteringRecipients(signatories: readonly Person[], chats: readonly ChatMembers[], accounts: readonly TeamsAccount[], maxUsers = maxRefreshUsers): JusteringRecipients {
  const chatUserIds = new Map<string, string[]>();
  const inChat = new Set<string>();
  const people = signatories.map((person) => {
    const account = accountOf(person, accounts);
    return { person, account, aad: account?.aadObjectId ?? person.userId };
  });
  for (const chat of chats) {
    const ids: string[] = [];
    for (const { person, aad } of people) {
      const teamsId = aad ? chat.users[aad] : undefined;
      if (!teamsId || ids.length >= maxUsers) continue;
      ids.push(teamsId);
      inChat.add(person.id);
    }
    chatUserIds.set(chat.conversationId, ids);
  }
  const personal: JusteringRecipients["personal"] = [];
  const unreachable: string[] = [];
  for (const { person, account } of people) {
    if (inChat.has(person.id)) continue;
    if (account) personal.push({ personId: person.id, account });
    else unreachable.push(person.id);
  }
  return { chatUserIds, personal, unreachable };
}
