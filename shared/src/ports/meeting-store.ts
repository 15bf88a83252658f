import type { Body } from "../domain/body";
import type { Actor, MeetingEvent, StoredEvent } from "../domain/events";
import type { AssignmentLogRow, DecisionLogRow, MeetingProjection, MeetingSummary } from "../domain/projections";

/** A side effect to perform after a commit (post a card, file a protocol), written in the same transaction. */
export interface OutboxJobInput {
  kind: string;
  /** Idempotency key: a second job with the same key for the tenant is ignored. */
  key: string;
  payload: Record<string, unknown>;
  runAt?: Date;
}

/** A claimed outbox job. */
export interface OutboxJob extends OutboxJobInput {
  id: string;
  tenantId: string;
  attempts: number;
  runAt: Date;
  /** The token of this claim: only its holder may renew the lease or record the outcome. */
  claimId: string;
}

/** An outbox row as stored, for status queries (the filing job's progress). */
export interface OutboxJobRecord {
  id: string;
  tenantId: string;
  kind: string;
  key: string;
  status: "pending" | "done" | "failed";
  attempts: number;
  runAt: Date;
  lockedUntil?: Date;
  /** The last failure's text as the worker recorded it. */
  lastError?: string;
}

/** What one append writes, atomically: events at the expected position, read models, outbox jobs. */
export interface AppendInput {
  tenantId: string;
  meetingId: string;
  bodyId: string;
  /** The sequence number of the last event the writer saw (0 for a new meeting). */
  expectedSeq: number;
  actor: Actor;
  at: Date;
  events: MeetingEvent[];
  /** Read-model rows after these events (from `projectMeeting`). */
  projection: MeetingProjection;
  /** Which row sets differ from the stored ones; omitted means both are rewritten. */
  changed?: { decisions: boolean; assignments: boolean };
  outbox?: OutboxJobInput[];
}

/** Thrown by `append` when the log has moved past `expectedSeq`. */
export class ConcurrencyConflictError extends Error {
  constructor(readonly currentSeq: number) {
    super(`conflict: meeting is at seq ${currentSeq}`);
    this.name = "ConcurrencyConflictError";
  }
}

/** Thrown by `updateBody` when the body's version moved. */
export class BodyVersionConflictError extends Error {
  constructor(readonly currentVersion: number) {
    super(`conflict: body is at version ${currentVersion}`);
    this.name = "BodyVersionConflictError";
  }
}

export interface DecisionLogFilter { bodyId: string; from?: string; to?: string; outcome?: string; text?: string; limit?: number }
export interface AssignmentLogFilter { bodyId: string; ownerPersonId?: string; dueBefore?: string; text?: string; limit?: number }

/** A saved Bot Framework conversation reference (for the bot issue), linked to a body and meeting. */
export interface ConversationRef {
  tenantId: string;
  conversationId: string;
  bodyId?: string;
  meetingId?: string;
  reference: Record<string, unknown>;
  /** The Teams meeting the chat belongs to, when the tab linked it. */
  teamsMeetingId?: string;
}

/** A link from a Teams meeting chat (its conversation id is the tab context's `chat.id`) to a Paragraf meeting. */
export interface TeamsLink {
  tenantId: string;
  chatId: string;
  teamsMeetingId?: string;
  bodyId: string;
  meetingId: string;
}

/**
 * A Teams user the bot has seen (a speaker or a member of a chat it is in): the Entra object id a roster
 * person links to, their Teams user id, e-mail and UPN, and the bot's 1:1 conversation with them.
 */
export interface TeamsAccount {
  tenantId: string;
  aadObjectId: string;
  teamsUserId: string;
  name?: string;
  email?: string;
  userPrincipalName?: string;
  personalConversationId?: string;
}

/** Finds a link by the chat or by the Teams meeting id. */
export type TeamsLinkQuery = { chatId: string } | { teamsMeetingId: string };

/**
 * Durable storage of bodies, meeting event logs, read models, outbox and conversation references.
 * Every method is scoped by tenant id; an id from another tenant is simply not found.
 */
export interface MeetingStore {
  createBody(body: Body): Promise<void>;
  /** Replaces a body; `body.version` must be the stored version + 1. */
  updateBody(body: Body): Promise<void>;
  getBody(tenantId: string, bodyId: string): Promise<Body | undefined>;
  listBodies(tenantId: string): Promise<Body[]>;

  /** Appends events with optimistic concurrency; returns the stored events. Throws ConcurrencyConflictError. */
  append(input: AppendInput): Promise<StoredEvent[]>;
  /** Events of a meeting after `afterSeq`, in order; empty for an unknown meeting. */
  loadEvents(tenantId: string, meetingId: string, afterSeq?: number): Promise<StoredEvent[]>;
  /** The body a meeting belongs to, or undefined if the meeting does not exist for this tenant. */
  meetingBody(tenantId: string, meetingId: string): Promise<string | undefined>;
  listMeetings(tenantId: string, bodyId: string): Promise<MeetingSummary[]>;
  /** The highest paragraph number the body's meetings used in a year. */
  lastParagraphOfYear(tenantId: string, bodyId: string, year: number): Promise<number | undefined>;
  listDecisions(tenantId: string, filter: DecisionLogFilter): Promise<DecisionLogRow[]>;
  listAssignments(tenantId: string, filter: AssignmentLogFilter): Promise<AssignmentLogRow[]>;

  enqueue(tenantId: string, jobs: OutboxJobInput[]): Promise<void>;
  /** Claims up to `limit` due jobs (FOR UPDATE SKIP LOCKED), leasing them for `leaseMs`. */
  claimJobs(limit: number, leaseMs: number, now: Date): Promise<OutboxJob[]>;
  /**
   * Extends to `now + leaseMs` the lease of the jobs of a claim still held under it; returns their ids.
   * A job missing from the answer was finished or taken over by another claim after its lease ran out.
   */
  renewJobLeases(claimId: string, leaseMs: number, now: Date): Promise<string[]>;
  /** Marks a job done; false (and nothing changed) when `claimId` no longer holds it. */
  completeJob(id: string, claimId: string): Promise<boolean>;
  /**
   * Records a failed attempt: retry at `retryAt`, or stop for good (null) and queue `followUps` in the same
   * transaction. False (and nothing changed or queued) when `claimId` no longer holds the job.
   */
  failJob(id: string, claimId: string, error: string, retryAt: Date | null, followUps?: OutboxJobInput[]): Promise<boolean>;
  /** The outbox row of a tenant's job by its key, if any. */
  findJob(tenantId: string, key: string): Promise<OutboxJobRecord | undefined>;
  /** Queues a failed job of a tenant again from its first attempt; false unless it was failed. */
  requeueFailedJob(tenantId: string, key: string, runAt: Date): Promise<boolean>;

  saveConversation(ref: ConversationRef): Promise<void>;
  getConversation(tenantId: string, conversationId: string): Promise<ConversationRef | undefined>;
  /** Every conversation linked to a meeting. */
  conversationsOfMeeting(tenantId: string, meetingId: string): Promise<ConversationRef[]>;
  /**
   * Links a Teams chat to a meeting (replacing an earlier link of that chat). Until the bot saves the
   * chat's real reference the row is a placeholder: `getConversation` returns it with an empty
   * reference, `conversationsOfMeeting` leaves it out, and the bot's first `saveConversation` keeps the link.
   */
  linkTeamsChat(link: TeamsLink): Promise<void>;
  findTeamsLink(tenantId: string, query: TeamsLinkQuery): Promise<TeamsLink | undefined>;
  /** Remembers Teams accounts (fields a save does not know are kept). */
  saveTeamsAccounts(accounts: TeamsAccount[]): Promise<void>;
  /** The accounts with one of these Entra object ids, or e-mail addresses matching e-mail or UPN (case-insensitive). */
  findTeamsAccounts(tenantId: string, keys: { aadObjectIds: string[]; emails: string[] }): Promise<TeamsAccount[]>;
  /** The activity id of a card the bot posted in a conversation under a key, if any. */
  getCardPost(tenantId: string, conversationId: string, cardKey: string): Promise<string | undefined>;
  saveCardPost(tenantId: string, conversationId: string, cardKey: string, activityId: string): Promise<void>;

  close(): Promise<void>;
}

/** Notifies that a meeting's log grew, across service instances (LISTEN/NOTIFY or in-process). */
export interface EventBus {
  publish(tenantId: string, meetingId: string, seq: number): Promise<void>;
  subscribe(listener: (tenantId: string, meetingId: string, seq: number) => void): () => void;
  close(): Promise<void>;
}

/** Time, injected so rules and tests control it. */
export interface Clock { now(): Date }
/** Id generation, injected. */
export interface Ids { next(): string }
