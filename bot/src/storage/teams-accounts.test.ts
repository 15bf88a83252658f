import type { MeetingStore } from "@paragraf/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlMeetingStore } from "./sql-meeting-store";
import { testBackends } from "./test-backends";

describe.each(testBackends())("Teams accounts on $name", (backend) => {
  let store: MeetingStore;
  beforeAll(async () => {
    store = createSqlMeetingStore(await backend.open());
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it("remembers accounts per tenant, finds them by object id or by e-mail and UPN, and keeps fields a later save lacks", async () => {
    await store.saveTeamsAccounts([
      { tenantId: "t1", aadObjectId: "oid-1", teamsUserId: "29:one", name: "Ett", email: "Ett@Kommun.se" },
      { tenantId: "t1", aadObjectId: "oid-2", teamsUserId: "29:two", userPrincipalName: "two@region.se" },
      { tenantId: "t2", aadObjectId: "oid-1", teamsUserId: "29:other-tenant" },
    ]);
    // A member list without e-mail, then the 1:1 chat: nothing known is lost.
    await store.saveTeamsAccounts([{ tenantId: "t1", aadObjectId: "oid-1", teamsUserId: "29:one-new" }]);
    await store.saveTeamsAccounts([{ tenantId: "t1", aadObjectId: "oid-1", teamsUserId: "29:one-new", personalConversationId: "a:1to1" }]);
    expect(await store.findTeamsAccounts("t1", { aadObjectIds: ["oid-1"], emails: [] })).toEqual([
      { tenantId: "t1", aadObjectId: "oid-1", teamsUserId: "29:one-new", name: "Ett", email: "ett@kommun.se", personalConversationId: "a:1to1" },
    ]);
    const byMail = await store.findTeamsAccounts("t1", { aadObjectIds: [], emails: ["ETT@kommun.se", "Two@Region.se", "none@x.se"] });
    expect(byMail.map((a) => a.aadObjectId)).toEqual(["oid-1", "oid-2"]);
    expect((await store.findTeamsAccounts("t2", { aadObjectIds: ["oid-1", "oid-2"], emails: [] })).map((a) => a.teamsUserId)).toEqual(["29:other-tenant"]);
    expect(await store.findTeamsAccounts("t3", { aadObjectIds: ["oid-1"], emails: ["ett@kommun.se"] })).toEqual([]);
    expect(await store.findTeamsAccounts("t1", { aadObjectIds: [], emails: [] })).toEqual([]);
  });
});
