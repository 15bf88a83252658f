import type { MeetingStore, TeamsAccount } from "@paragraf/shared";
import { sql, type Kysely } from "kysely";
import type { Schema } from "./schema";

type TeamsAccountQueries = Pick<MeetingStore, "saveTeamsAccounts" | "findTeamsAccounts">;

const lower = (s: string | undefined) => (s ? s.trim().toLowerCase() : null);

/** The Teams accounts the bot has seen (speakers and chat members), scoped by tenant. */
export function teamsAccountQueries(db: Kysely<Schema>): TeamsAccountQueries {
  return {
    async saveTeamsAccounts(accounts: TeamsAccount[]) {
      // One row per person; a save that does not know a field keeps what an earlier one stored.
      const unique = [...new Map(accounts.map((a) => [`${a.tenantId}\u0000${a.aadObjectId}`, a])).values()];
      if (unique.length === 0) return;
      await db.insertInto("teams_accounts")
        .values(unique.map((a) => ({
          tenant_id: a.tenantId, aad_object_id: a.aadObjectId, teams_user_id: a.teamsUserId, name: a.name ?? null,
          email: lower(a.email), upn: lower(a.userPrincipalName), personal_conversation_id: a.personalConversationId ?? null,
        })))
        .onConflict((oc) => oc.columns(["tenant_id", "aad_object_id"]).doUpdateSet({
          teams_user_id: sql`excluded.teams_user_id`,
          name: sql`coalesce(excluded.name, teams_accounts.name)`,
          email: sql`coalesce(excluded.email, teams_accounts.email)`,
          upn: sql`coalesce(excluded.upn, teams_accounts.upn)`,
          personal_conversation_id: sql`coalesce(excluded.personal_conversation_id, teams_accounts.personal_conversation_id)`,
          updated_at: new Date(),
        }))
        .execute();
    },

    async findTeamsAccounts(tenantId, keys) {
      const ids = [...new Set(keys.aadObjectIds)];
      const emails = [...new Set(keys.emails.map((e) => e.trim().toLowerCase()))];
      if (ids.length === 0 && emails.length === 0) return [];
      const rows = await db.selectFrom("teams_accounts").selectAll()
        .where("tenant_id", "=", tenantId)
        .where((eb) => eb.or([
          ...(ids.length ? [eb("aad_object_id", "in", ids)] : []),
          ...(emails.length ? [eb("email", "in", emails), eb("upn", "in", emails)] : []),
        ]))
        .orderBy("aad_object_id")
        .execute();
      return rows.map((r) => ({
        tenantId: r.tenant_id, aadObjectId: r.aad_object_id, teamsUserId: r.teams_user_id,
        ...(r.name !== null && { name: r.name }), ...(r.email !== null && { email: r.email }), ...(r.upn !== null && { userPrincipalName: r.upn }),
        ...(r.personal_conversation_id !== null && { personalConversationId: r.personal_conversation_id }),
      }));
    },
  };
}
