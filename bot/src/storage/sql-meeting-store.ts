import type { MeetingStore } from "@paragraf/shared";
import { bodyQueries } from "./body-store";
import type { Database } from "./database";
import { eventLog } from "./event-log";
import { outboxQueries } from "./outbox-store";
import { readModelQueries } from "./read-models";

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
    close: () => database.close(),
  };
}
