import type { Person, TeamsAccount } from "@paragraf/shared";
import { describe, expect, it } from "vitest";
import { accountOf, planJusteringRecipients } from "./justering-recipients";

const person = (id: string, extra: Partial<Person> = {}): Person => ({ id, name: id, organisation: "", roles: ["ledamot"], ...extra });
const account = (aadObjectId: string, extra: Partial<TeamsAccount> = {}): TeamsAccount => ({ tenantId: "t", aadObjectId, teamsUserId: `29:${aadObjectId}`, ...extra });

describe("who gets the justering card where", () => {
  it("matches roster people to Teams accounts by object id, else by e-mail or UPN", () => {
    const accounts = [account("aad-1"), account("aad-2", { email: "Lena@Kommun.se" }), account("aad-3", { userPrincipalName: "per@region.se" })];
    expect(accountOf(person("a", { userId: "aad-1" }), accounts)?.aadObjectId).toBe("aad-1");
    expect(accountOf(person("b", { email: "lena@kommun.se" }), accounts)?.aadObjectId).toBe("aad-2");
    expect(accountOf(person("c", { email: "PER@region.se" }), accounts)?.aadObjectId).toBe("aad-3");
    expect(accountOf(person("d", { email: "okand@x.se" }), accounts)).toBeUndefined();
  });

  it("shows chat members their own view and sends the card 1:1 to the others it can reach", () => {
    const signatories = [person("in-chat", { userId: "aad-1" }), person("by-mail", { email: "b@x.se" }), person("elsewhere", { userId: "aad-3" }), person("unknown", { userId: "aad-4" })];
    const chats = [{ conversationId: "19:chat", users: { "aad-1": "29:one", "aad-2": "29:two" } }];
    const plan = planJusteringRecipients(signatories, chats, [account("aad-2", { email: "b@x.se" }), account("aad-3")]);
    expect(plan.chatUserIds.get("19:chat")).toEqual(["29:one", "29:two"]);
    expect(plan.personal.map((p) => [p.personId, p.account.teamsUserId])).toEqual([["elsewhere", "29:aad-3"]]);
    expect(plan.unreachable).toEqual(["unknown"]);
  });

  it("sends 1:1 to the signatories beyond Teams' 60 per-user views of a chat card", () => {
    const signatories = Array.from({ length: 65 }, (_, i) => person(`p${i}`, { userId: `aad-${i}` }));
    const users = Object.fromEntries(signatories.map((_, i) => [`aad-${i}`, `29:${i}`]));
    const accounts = signatories.map((_, i) => account(`aad-${i}`));
    const plan = planJusteringRecipients(signatories, [{ conversationId: "19:all", users }], accounts);
    expect(plan.chatUserIds.get("19:all")).toHaveLength(60);
    expect(plan.personal.map((p) => p.personId)).toEqual(["p60", "p61", "p62", "p63", "p64"]);
  });
});
