import type { MeetingStore } from "@paragraf/shared";

/**
 * The names the bot has learnt for a Teams user from the chat's member list — the UPN and the
 * directory mail, lower-cased — so a roster person entered by e-mail only can act from a card before
 * their user id is on the roster. The same names decide who gets a justering card
 * (`justering-recipients.ts`), so whoever is shown the buttons can use them. Empty when the bot has not
 * seen the user's member record.
 */
export async function loginsOf(store: Pick<MeetingStore, "findTeamsAccounts">, tenantId: string, aadObjectId: string): Promise<string[]> {
  const [account] = await store.findTeamsAccounts(tenantId, { aadObjectIds: [aadObjectId], emails: [] });
  return [account?.userPrincipalName, account?.email].filter((n): n is string => !!n).map((n) => n.toLowerCase());
}
