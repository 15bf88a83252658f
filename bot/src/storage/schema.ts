import type { Actor, Body, MeetingEvent, MeetingStatus, Outcome } from "@paragraf/shared";
import type { ColumnType, Generated } from "kysely";

/** A jsonb column: read back as `T`, written as a JSON string so `pg` and PGlite serialise it alike. */
export type Jsonb<T> = ColumnType<T, string, string>;
/** A timestamptz column: read as a Date, written as a Date. */
export type Timestamp = ColumnType<Date, Date, Date>;
/** A timestamptz column the database fills in on insert. */
export type CreatedAt = ColumnType<Date, Date | undefined, Date>;
/** A `date` column; both drivers are set up to return it as the plain `YYYY-MM-DD` text. */
export type DateText = string;

/** A body (organ) as one JSON document, versioned for optimistic updates. */
export interface BodiesTable {
  tenant_id: string;
  id: string;
  doc: Jsonb<Body>;
  version: number;
  updated_at: CreatedAt;
}

/** The meetings list read model and the head row that serialises appends (`seq` is the log's end). */
export interface MeetingsTable {
  tenant_id: string;
  id: string;
  body_id: string;
  seq: number;
  title: string | null;
  date: DateText;
  start_time: string;
  status: MeetingStatus;
  first_paragraph: number;
  last_paragraph: number | null;
  item_count: number;
  updated_at: CreatedAt;
}

/** The append-only event log; (tenant_id, meeting_id, seq) is unique. `data` holds the whole event. */
export interface MeetingEventsTable {
  tenant_id: string;
  meeting_id: string;
  seq: number;
  type: MeetingEvent["type"];
  data: Jsonb<MeetingEvent>;
  actor: Jsonb<Actor>;
  at: Timestamp;
}

/** The decision log read model, replaced per meeting on every append. */
export interface DecisionLogTable {
  tenant_id: string;
  meeting_id: string;
  body_id: string;
  item_id: string;
  paragraph: number;
  meeting_date: DateText;
  title: string;
  outcome: Outcome;
  clauses: Jsonb<string[]>;
  status: string;
}

/** The assignment log read model, replaced per meeting on every append. */
export interface AssignmentLogTable {
  tenant_id: string;
  meeting_id: string;
  body_id: string;
  item_id: string;
  assignment_id: string;
  /** Order within the meeting's projection, to keep the agenda order within a paragraph. */
  position: number;
  paragraph: number;
  meeting_date: DateText;
  owner: string;
  owner_person_id: string | null;
  task: string;
  due: DateText | null;
}

/** Lifecycle of an outbox job. */
export type OutboxStatus = "pending" | "done" | "failed";

/** Side effects written in the same transaction as the events, run later by workers. */
export interface OutboxTable {
  id: string;
  tenant_id: string;
  kind: string;
  key: string;
  payload: Jsonb<Record<string, unknown>>;
  run_at: Timestamp;
  attempts: Generated<number>;
  last_error: string | null;
  status: Generated<OutboxStatus>;
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The token of the claim holding the lease (0007); null when no worker holds the job. */
  claim_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

/** Saved Bot Framework conversation references. */
export interface ConversationRefsTable {
  tenant_id: string;
  conversation_id: string;
  body_id: string | null;
  meeting_id: string | null;
  reference: Jsonb<Record<string, unknown>>;
  updated_at: CreatedAt;
  /** The Teams meeting id the chat belongs to, when the tab linked it (0003). */
  teams_meeting_id: string | null;
  /** False while the row is a placeholder the tab wrote before the bot saw the chat (0003). */
  has_reference: Generated<boolean>;
}

/** Where the bot posted a card (0002). */
export interface CardPostsTable {
  tenant_id: string;
  conversation_id: string;
  card_key: string;
  activity_id: string;
  updated_at: CreatedAt;
}

/** A Teams account the bot has seen, and its 1:1 conversation with the bot (0006). */
export interface TeamsAccountsTable {
  tenant_id: string;
  aad_object_id: string;
  teams_user_id: string;
  name: string | null;
  email: string | null;
  upn: string | null;
  personal_conversation_id: string | null;
  updated_at: CreatedAt;
}

/** A Graph upload session in progress for a filing job (0004); `size` is a bigint, read as text. */
export interface ArchiveUploadsTable {
  tenant_id: string;
  job_key: string;
  upload_url: string;
  expires_at: Timestamp;
  location: string;
  file_name: string;
  sha256: string;
  size: ColumnType<string, string, string>;
  updated_at: CreatedAt;
}

/** Every table Paragraf stores, as Kysely sees them. */
export interface Schema {
  bodies: BodiesTable;
  meetings: MeetingsTable;
  meeting_events: MeetingEventsTable;
  decision_log: DecisionLogTable;
  assignment_log: AssignmentLogTable;
  outbox: OutboxTable;
  conversation_refs: ConversationRefsTable;
  card_posts: CardPostsTable;
  archive_uploads: ArchiveUploadsTable;
  teams_accounts: TeamsAccountsTable;
}
