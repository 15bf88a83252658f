import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signTeamsToken } from "../../bot/src/auth/test-jwks-server";
import { backends } from "../support/backends";
import { apiRoster, call } from "../support/http";
import { startTestApp, tenantA, type TestApp } from "../support/test-app";

/**
 * A secretary usually enters members by e-mail before anyone knows their Entra object id. Such a
 * person is recognised by the sign-in name (UPN) in their token; a person already linked to an
 * object id never is, so an address alone cannot take over a linked person.
 */
describe.each(backends())("roster people matched by sign-in name on $name", (backend) => {
  let t: TestApp;
  let sec: string;
  let meetingId: string;

  const tokenFor = (oid: string, claims: Record<string, string>) =>
    signTeamsToken(t.key, { tid: tenantA, oid, name: oid, iss: `https://login.microsoftonline.com/${tenantA}/v2.0`, ...claims });

  beforeAll(async () => {
    t = await startTestApp(backend);
    sec = await t.token(tenantA, "oid-sec", "Siv Sekreterare");
    const roster = [
      ...apiRoster,
      { id: "p-eva", name: "Eva Ek", organisation: "Dk kommun", roles: ["ledamot"], email: "Eva.Ek@dk.example" },
      { id: "p-linked", name: "Lars Länkad", organisation: "Ek kommun", roles: ["ledamot"], userId: "oid-lars", email: "lars@ek.example" },
      { id: "p-sigrid", name: "Sigrid Sekr", organisation: "Region", roles: ["sekreterare"], email: "sigrid@region.example" },
    ];
    expect((await call(t.app, "POST", "/api/bodies", sec, { id: "grp", name: "Gruppen", roster })).status).toBe(201);
    const created = await call(t.app, "POST", "/api/bodies/grp/meetings", sec, { details: { date: "2026-12-01", startTime: "09:00", endTime: "10:00" } });
    expect(created.status).toBe(201);
    meetingId = (created.json.meeting as { id: string }).id;
    const roles = await call(t.app, "PUT", `/api/meetings/${meetingId}/roles`, sec, { expectedSeq: created.json.seq, secretaryPersonId: "p-eva" });
    expect(roles.status).toBe(200);
  });
  afterAll(() => t?.close());

  it("recognises a person entered by e-mail from the token's sign-in name, case-insensitively", async () => {
    const eva = await tokenFor("oid-eva-new", { preferred_username: "eva.ek@DK.example" });
    const me = await call(t.app, "GET", "/api/me", eva);
    expect(me.json.login).toBe("eva.ek@dk.example");
    const res = await call(t.app, "GET", `/api/meetings/${meetingId}`, eva);
    expect(res.status).toBe(200);
    expect(res.json.myPersonId).toBe("p-eva");
    expect(res.json.myRoles).toEqual(expect.arrayContaining(["member", "secretary"]));
    expect(res.json.canEdit).toBe(true);
    const write = await call(t.app, "POST", `/api/meetings/${meetingId}/agenda/items`, eva, {
      expectedSeq: res.json.seq, itemId: "ovrigt-1", content: { kind: "decision", title: "Ärende från Eva" },
    });
    expect(write.status).toBe(200);
    const events = write.json.events as { actor: { userId: string; personId?: string } }[];
    expect(events[0]?.actor).toMatchObject({ userId: "oid-eva-new", personId: "p-eva" });
  });

  it("prefers the upn claim over preferred_username", async () => {
    const eva = await tokenFor("oid-eva-2", { upn: "eva.ek@dk.example", preferred_username: "someone.else@dk.example" });
    const res = await call(t.app, "GET", `/api/meetings/${meetingId}`, eva);
    expect(res.json.myPersonId).toBe("p-eva");
  });

  it("never matches a person already linked to an object id by address, nor an unknown address", async () => {
    const impostor = await tokenFor("oid-not-lars", { preferred_username: "lars@ek.example" });
    const res = await call(t.app, "GET", `/api/meetings/${meetingId}`, impostor);
    expect(res.status).toBe(200);
    expect(res.json.myPersonId).toBeUndefined();
    expect(res.json.myRoles).toEqual(["guest"]);
    expect(res.json.canEdit).toBe(false);
    const stranger = await tokenFor("oid-x", { preferred_username: "nobody@dk.example" });
    expect((await call(t.app, "GET", `/api/meetings/${meetingId}`, stranger)).json.canEdit).toBe(false);
  });

  it("lets an administrator entered by e-mail save the body's settings, and binds her user id then", async () => {
    const sigrid = await tokenFor("oid-sigrid", { upn: "sigrid@region.example" });
    const current = await call(t.app, "GET", "/api/bodies/grp", sigrid);
    const version = (current.json.body as { version: number }).version;
    const saved = await call(t.app, "PUT", "/api/bodies/grp", sigrid, { expectedVersion: version, dnrPrefix: "GRP" });
    expect(saved.status, saved.text).toBe(200);
    const roster = (saved.json.body as { roster: { id: string; userId?: string }[] }).roster;
    expect(roster.find((p) => p.id === "p-sigrid")?.userId).toBe("oid-sigrid");
    // From now on the user id decides, not the address: another account with that name is no one.
    const other = await tokenFor("oid-someone-else", { upn: "sigrid@region.example" });
    const again = await call(t.app, "PUT", "/api/bodies/grp", other, { expectedVersion: version + 1, dnrPrefix: "X" });
    expect(again.status).toBe(403);
  });
});
