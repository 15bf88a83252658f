import { BodyVersionConflictError, type Body, type ConversationRef, type MeetingStore } from "@paragraf/shared";
import { sql, type Kysely } from "kysely";
import type { Database } from "./database";
import { eventLog } from "./event-log";
import { outboxQueries } from "./outbox-store";
import { readModelQueries } from "./read-models";
import type { Schema } from "./schema";
import { teamsLinkQueries } from "./teams-links";
import { teamsAccountQueries } from "./teams-accounts";

type BodyQueries = Pick<MeetingStore, "createBody" | "updateBody" | "getBody" | "listBodies" | "saveConversation" | "getConversation" | "conversationsOfMeeting" | "getCardPost" | "saveCardPost">;

/** A stored conversation row as the port's ConversationRef. */
function toConversationRef(row: {
  tenant_id: string; conversation_id: string; body_id: string | null; meeting_id: string | null; reference: Record<string, unknown>; teams_meeting_id: string | null;
}): ConversationRef {
  return {
    tenantId: row.tenant_id, conversationId: row.conversation_id, reference: row.reference,
    ...(row.body_id !== null && { bodyId: row.body_id }), ...(row.meeting_id !== null && { meetingId: row.meeting_id }),
    ...(row.teams_meeting_id !== null && { teamsMeetingId: row.teams_meeting_id }),
  };
}

/** Bodies (versioned JSON documents) and saved conversation references, scoped by tenant. */
function bodyQueries(db: Kysely<Schema>): BodyQueries {
  return {
    async createBody(body: Body) {
      await db.insertInto("bodies").values({ tenant_id: body.tenantId, id: body.id, doc: JSON.stringify(body), version: body.version }).execute();
    },

    async updateBody(body: Body) {
      const updated = await db.updateTable("bodies")
        .set({ doc: JSON.stringify(body), version: body.version, updated_at: new Date() })
        .where("tenant_id", "=", body.tenantId).where("id", "=", body.id).where("version", "=", body.version - 1)
        .returning("version")
        .executeTakeFirst();
      if (updated) return;
      const current = await db.selectFrom("bodies").select("version")
        .where("tenant_id", "=", body.tenantId).where("id", "=", body.id)
        .executeTakeFirst();
      if (!current) throw new Error(`body ${body.id} does not exist`);
      throw new BodyVersionConflictError(current.version);
    },

    async getBody(tenantId, bodyId) {
      const row = await db.selectFrom("bodies").select("doc").where("tenant_id", "=", tenantId).where("id", "=", bodyId).executeTakeFirst();
      return row?.doc;
    },

    async listBodies(tenantId) {
      const rows = await db.selectFrom("bodies").select("doc").where("tenant_id", "=", tenantId)
        .orderBy(sql`doc->>'name'`).orderBy("id")
        .execute();
      return rows.map((r) => r.doc);
    },

    async saveConversation(ref: ConversationRef) {
      // A later save that does not know the body or meeting keeps the links saved earlier (also a
      // placeholder's, written by the tab before the bot saw the chat); the real reference replaces it.
      await db.insertInto("conversation_refs")
        .values({
          tenant_id: ref.tenantId, conversation_id: ref.conversationId, body_id: ref.bodyId ?? null, meeting_id: ref.meetingId ?? null,
          teams_meeting_id: ref.teamsMeetingId ?? null, reference: JSON.stringify(ref.reference), has_reference: true,
        })
        .onConflict((oc) => oc.columns(["tenant_id", "conversation_id"]).doUpdateSet({
          body_id: sql`coalesce(excluded.body_id, conversation_refs.body_id)`,
          meeting_id: sql`coalesce(excluded.meeting_id, conversation_refs.meeting_id)`,
          teams_meeting_id: sql`coalesce(excluded.teams_meeting_id, conversation_refs.teams_meeting_id)`,
          reference: sql`excluded.reference`,
          has_reference: true,
          updated_at: new Date(),
        }))
        .execute();
    },

    async getConversation(tenantId, conversationId) {
      const row = await db.selectFrom("conversation_refs").selectAll()
        .where("tenant_id", "=", tenantId).where("conversation_id", "=", conversationId)
        .executeTakeFirst();
      return row ? toConversationRef(row) : undefined;
    },

    async conversationsOfMeeting(tenantId, meetingId) {
      const rows = await db.selectFrom("conversation_refs").selectAll()
        .where("tenant_id", "=", tenantId).where("meeting_id", "=", meetingId).where("has_reference", "=", true)
        .orderBy("conversation_id")
        .execute();
      return rows.map(toConversationRef);
    },

    async getCardPost(tenantId, conversationId, cardKey) {
      const row = await db.selectFrom("card_posts").select("activity_id")
        .where("tenant_id", "=", tenantId).where("conversation_id", "=", conversationId).where("card_key", "=", cardKey)
        .executeTakeFirst();
      return row?.activity_id;
    },

    async saveCardPost(tenantId, conversationId, cardKey, activityId) {
      await db.insertInto("card_posts")
        .values({ tenant_id: tenantId, conversation_id: conversationId, card_key: cardKey, activity_id: activityId })
        .onConflict((oc) => oc.columns(["tenant_id", "conversation_id", "card_key"]).doUpdateSet({ activity_id: activityId, updated_at: new Date() }))
        .execute();
    },
  };
}

/**
 * The MeetingStore over SQL, the same for PGlite and PostgreSQL: bodies, the meeting event logs with
 * optimistic appends, read models, the outbox and conversation references. Every query is scoped by
 * tenant id (the outbox's claim/complete/fail, which serve workers across tenants, excepted).
 * The store owns the database: `close()` closes it.
 */
export function createSqlMeetingStore(database: Database): MeetingStore {
  const { db } = database;
  return {
    ...bodyQueries(db),
    ...eventLog(db),
    ...readModelQueries(db),
    ...outboxQueries(db),
    ...teamsLinkQueries(db),
    ...teamsAccountQueries(db),
    close: () => database.close(),
  };
}
