import type { MeetingStore } from "@paragraf/shared";

/**
 * The sign-in name (UPN, else e-mail) the bot has learnt for a Teams user from the chat's member list,
 * lower-cased: it lets a roster person entered by e-mail only act from a card before their user id is
 * on the roster. Undefined when the bot has not seen the user's member record.
 */
export async function loginOf(store: Pick<MeetingStore, "findTeamsAccounts">, tenantId: string, aadObjectId: string): Promise<string | undefined> {
  const [account] = await store.findTeamsAccounts(tenantId, { aadObjectIds: [aadObjectId], emails: [] });
  return (account?.userPrincipalName ?? account?.email)?.toLowerCase();
}
