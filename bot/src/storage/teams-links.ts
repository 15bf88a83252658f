import type { MeetingStore, TeamsLink } from "@paragraf/shared";
import { sql, type Kysely } from "kysely";
import type { Schema } from "./schema";

type TeamsLinkQueries = Pick<MeetingStore, "linkTeamsChat" | "findTeamsLink">;

/**
 * Links from Teams meeting chats to Paragraf meetings, stored on `conversation_refs` so the bot finds the
 * meeting of a chat with `getConversation` on its first activity there. A chat the bot has not seen yet
 * gets a placeholder row (empty reference, `has_reference` false) that the bot's save later completes.
 */
export function teamsLinkQueries(db: Kysely<Schema>): TeamsLinkQueries {
  return {
    async linkTeamsChat(link: TeamsLink) {
      await db.insertInto("conversation_refs")
        .values({
          tenant_id: link.tenantId, conversation_id: link.chatId, body_id: link.bodyId, meeting_id: link.meetingId,
          teams_meeting_id: link.teamsMeetingId ?? null, reference: JSON.stringify({}), has_reference: false,
        })
        .onConflict((oc) => oc.columns(["tenant_id", "conversation_id"]).doUpdateSet({
          // Linking again moves the chat to the chosen meeting; the saved reference stays.
          body_id: sql`excluded.body_id`,
          meeting_id: sql`excluded.meeting_id`,
          teams_meeting_id: sql`coalesce(excluded.teams_meeting_id, conversation_refs.teams_meeting_id)`,
          updated_at: new Date(),
        }))
        .execute();
    },

    async findTeamsLink(tenantId, query) {
      let q = db.selectFrom("conversation_refs")
        .select(["conversation_id", "teams_meeting_id", "body_id", "meeting_id"])
        .where("tenant_id", "=", tenantId).where("meeting_id", "is not", null).where("body_id", "is not", null);
      q = "chatId" in query ? q.where("conversation_id", "=", query.chatId) : q.where("teams_meeting_id", "=", query.teamsMeetingId);
      const row = await q.orderBy("updated_at", "desc").limit(1).executeTakeFirst();
      if (!row?.meeting_id || !row.body_id) return undefined;
      return {
        tenantId, chatId: row.conversation_id, bodyId: row.body_id, meetingId: row.meeting_id,
        ...(row.teams_meeting_id !== null && { teamsMeetingId: row.teams_meeting_id }),
      };
    },
  };
}
