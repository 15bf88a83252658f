import { randomUUID } from "node:crypto";
import type { MeetingStore, OutboxJob, OutboxJobInput } from "@paragraf/shared";
import type { Kysely, Transaction } from "kysely";
import type { Schema } from "./schema";

type OutboxQueries = Pick<MeetingStore, "enqueue" | "claimJobs" | "renewJobLeases" | "completeJob" | "failJob" | "findJob" | "requeueFailedJob">;

/** Longest stored error text; a worker's stack trace is not worth more. */
const maxErrorLength = 4000;

/**
 * Inserts jobs, ignoring any whose (tenant, key) already exists. Sorted by key so two transactions
 * inserting overlapping keys take the unique-index locks in the same order (no deadlock).
 */
export async function insertJobs(db: Kysely<Schema> | Transaction<Schema>, tenantId: string, jobs: readonly OutboxJobInput[]): Promise<void> {
  if (jobs.length === 0) return;
  const now = new Date();
  const rows = [...jobs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((job) => ({
    id: randomUUID(), tenant_id: tenantId, kind: job.kind, key: job.key, payload: JSON.stringify(job.payload), run_at: job.runAt ?? now,
  }));
  await db.insertInto("outbox").values(rows).onConflict((oc) => oc.columns(["tenant_id", "key"]).doNothing()).execute();
}

/**
 * The outbox: jobs written with the events, claimed by workers on any instance. A claim leases a
 * job until `locked_until` under a fresh `claim_id`; the worker renews the lease while the job runs,
 * and a worker that dies simply lets it run out, so the job is claimed again under a new token.
 * Renewing and recording the outcome require the current token, so an owner that lost the lease can
 * neither extend it nor overwrite the new owner's result. `attempts` counts claims, so a job that
 * keeps crashing its worker is still visible.
 */
export function outboxQueries(db: Kysely<Schema>): OutboxQueries {
  return {
    enqueue: (tenantId, jobs) => insertJobs(db, tenantId, jobs),

    async claimJobs(limit, leaseMs, now) {
      if (limit <= 0) return [];
      const claimId = randomUUID();
      const rows = await db
        .with("picked", (qb) => qb.selectFrom("outbox").select("id")
          .where("status", "=", "pending").where("run_at", "<=", now)
          .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
          .orderBy("run_at").orderBy("created_at").orderBy("id")
          .limit(limit)
          .forUpdate().skipLocked())
        .updateTable("outbox")
        .from("picked")
        .set((eb) => ({ locked_until: new Date(now.getTime() + leaseMs), claim_id: claimId, attempts: eb("outbox.attempts", "+", 1) }))
        .whereRef("outbox.id", "=", "picked.id")
        .returning(["outbox.id", "outbox.tenant_id", "outbox.kind", "outbox.key", "outbox.payload", "outbox.run_at", "outbox.attempts", "outbox.created_at"])
        .execute();
      rows.sort((a, b) => a.run_at.getTime() - b.run_at.getTime() || a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : 1));
      return rows.map((r): OutboxJob => ({
        id: r.id, tenantId: r.tenant_id, kind: r.kind, key: r.key, payload: r.payload, runAt: r.run_at, attempts: r.attempts, claimId,
      }));
    },

    async renewJobLeases(claimId, leaseMs, now) {
      const rows = await db.updateTable("outbox")
        .set({ locked_until: new Date(now.getTime() + leaseMs) })
        .where("claim_id", "=", claimId).where("status", "=", "pending")
        .returning("id")
        .execute();
      return rows.map((r) => r.id);
    },

    async completeJob(id, claimId) {
      const rows = await db.updateTable("outbox").set({ status: "done", locked_until: null, claim_id: null, last_error: null })
        .where("id", "=", id).where("claim_id", "=", claimId).where("status", "=", "pending")
        .returning("id")
        .execute();
      return rows.length > 0;
    },

    async failJob(id, claimId, error, retryAt, followUps = []) {
      const last_error = error.slice(0, maxErrorLength);
      const update = retryAt
        ? { status: "pending" as const, run_at: retryAt, locked_until: null, claim_id: null, last_error }
        : { status: "failed" as const, locked_until: null, claim_id: null, last_error };
      const held = (qb: Kysely<Schema> | Transaction<Schema>) =>
        qb.updateTable("outbox").set(update).where("id", "=", id).where("claim_id", "=", claimId).where("status", "=", "pending").returning("tenant_id");
      if (retryAt || followUps.length === 0) return (await held(db).execute()).length > 0;
      // Stopping a job and queueing what follows from it (telling people) commit together.
      return db.transaction().execute(async (trx) => {
        const row = await held(trx).executeTakeFirst();
        if (row) await insertJobs(trx, row.tenant_id, followUps);
        return row !== undefined;
      });
    },

    async findJob(tenantId, key) {
      const r = await db.selectFrom("outbox")
        .select(["id", "tenant_id", "kind", "key", "status", "attempts", "run_at", "locked_until", "last_error"])
        .where("tenant_id", "=", tenantId).where("key", "=", key)
        .executeTakeFirst();
      if (!r) return undefined;
      return {
        id: r.id, tenantId: r.tenant_id, kind: r.kind, key: r.key, status: r.status, attempts: r.attempts, runAt: r.run_at,
        ...(r.locked_until ? { lockedUntil: r.locked_until } : {}), ...(r.last_error !== null ? { lastError: r.last_error } : {}),
      };
    },

    async requeueFailedJob(tenantId, key, runAt) {
      const rows = await db.updateTable("outbox")
        .set({ status: "pending", attempts: 0, run_at: runAt, locked_until: null, claim_id: null, last_error: null })
        .where("tenant_id", "=", tenantId).where("key", "=", key).where("status", "=", "failed")
        .returning("id")
        .execute();
      return rows.length > 0;
    },
  };
}
