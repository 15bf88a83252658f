import {
  apply, decide, rolesOf, canEdit, type Actor, type MeetingCommand, type MeetingResponse, type MeetingRole, type MeetingState, type StoredEvent,
  type CommandResponse, type DomainErrorCode, domainErrorMessages,
} from "@paragraf/shared";
import { ApiError, type Api } from "../api/api-client";
import { openEventStream, type EventStream } from "./event-stream";

/** A snapshot of one meeting as this tab knows it. */
export interface LiveSnapshot {
  phase: "loading" | "ready" | "error";
  meeting?: MeetingState;
  roles: ReadonlySet<MeetingRole>;
  canEdit: boolean;
  online: boolean;
  error?: ApiError;
  /** Seq of the last event folded; increases by one per event, never skips. */
  seq: number;
}

/** The outcome of a command: done, refused by the domain, or a conflict the user must settle. */
export type RunResult = { ok: true; response: CommandResponse } | { ok: false; error: ApiError };

/**
 * One meeting, live: loads the folded state, then folds every streamed event with the same reducer
 * as the server. After a drop it reconnects and resumes after its last seq (no gap, no duplicate);
 * meanwhile `online` is false. Writes go through `run`, one at a time, with optimistic concurrency.
 */
export class MeetingLive {
  private snapshot: LiveSnapshot = { phase: "loading", roles: new Set(), canEdit: false, online: false, seq: 0 };
  private listeners = new Set<() => void>();
  private stream?: EventStream;
  private queue: Promise<unknown> = Promise.resolve();
  private catching?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly api: Api,
    readonly meetingId: string,
    private actor: Actor,
    private prefetched?: Promise<MeetingResponse>,
  ) {}

  /** The current snapshot (stable between changes, for useSyncExternalStore). */
  get = (): LiveSnapshot => this.snapshot;

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<LiveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.listeners.forEach((l) => l());
  }

  private path(suffix = ""): string {
    return `/api/meetings/${encodeURIComponent(this.meetingId)}${suffix}`;
  }

  /** Loads the meeting and starts following its stream. */
  async start(): Promise<void> {
    try {
      const pending = this.prefetched;
      this.prefetched = undefined;
      const res = await (pending ?? this.api.get<MeetingResponse>(this.path()));
      const meeting = res.meeting as unknown as MeetingState;
      // The service knows who the caller is on the roster (also when matched by sign-in name only).
      if (res.myPersonId) this.actor = { ...this.actor, personId: res.myPersonId };
      this.setMeeting(meeting);
      this.set({ phase: "ready" });
      this.connect();
    } catch (err) {
      this.set({ phase: "error", error: err instanceof ApiError ? err : new ApiError(0, { code: "internal", message: { sv: String(err), en: String(err) } }) });
    }
  }

  /** Stops streaming. */
  stop(): void {
    this.stopped = true;
    this.stream?.close();
  }

  private setMeeting(meeting: MeetingState): void {
    const roles = rolesOf(meeting, this.actor);
    this.set({ meeting, seq: meeting.seq, roles, canEdit: canEdit(roles) });
  }

  private connect(): void {
    if (this.stopped) return;
    this.stream = openEventStream({
      url: async () => `${this.path("/stream")}?after=${this.snapshot.seq}&access_token=${encodeURIComponent(await this.api.token())}`,
      onEvent: (e) => this.fold([e]),
      onOnline: (online) => {
        this.set({ online });
        if (online) void this.catchUp();
      },
    });
  }

  /** Folds events in order; an event past a gap triggers a catch-up read of the log. */
  fold(events: readonly StoredEvent[]): void {
    let meeting = this.snapshot.meeting;
    if (!meeting) return;
    let gap = false;
    for (const e of events) {
      if (e.seq <= meeting.seq) continue;
      if (e.seq !== meeting.seq + 1) {
        gap = true;
        break;
      }
      meeting = apply(meeting, e.event, e.at, e.seq);
    }
    if (meeting !== this.snapshot.meeting) this.setMeeting(meeting);
    if (gap) void this.catchUp();
  }

  /** Reads the log after the last folded seq and folds it. */
  catchUp(): Promise<void> {
    this.catching ??= (async () => {
      try {
        const res = await this.api.get<{ events: StoredEvent[] }>(`${this.path("/events")}?after=${this.snapshot.seq}`);
        this.fold(res.events);
      } finally {
        this.catching = undefined;
      }
    })();
    return this.catching;
  }

  /**
   * Sends a command with the seq this tab has folded. On a conflict it catches up, asks `rebase`
   * whether the user's change still applies to the new state (and how), and retries; otherwise it
   * returns the conflict for the UI to show. Nothing is overwritten silently.
   */
  run(command: MeetingCommand, rebase: (state: MeetingState, original: MeetingCommand) => MeetingCommand | undefined = (_s, c) => c): Promise<RunResult> {
    const task = this.queue.then(() => this.runNow(command, rebase));
    this.queue = task.catch(() => undefined);
    return task;
  }

  private async runNow(command: MeetingCommand, rebase: (state: MeetingState, original: MeetingCommand) => MeetingCommand | undefined): Promise<RunResult> {
    let current: MeetingCommand | undefined = command;
    for (let attempt = 0; attempt < 4 && current; attempt++) {
      try {
        const response = await this.api.send<CommandResponse>("POST", this.path("/commands"), { expectedSeq: this.snapshot.seq, command: current });
        this.fold(response.events);
        return { ok: true, response };
      } catch (err) {
        if (!(err instanceof ApiError) || err.code !== "conflict") return { ok: false, error: asApiError(err) };
        await this.catchUp().catch(() => undefined);
        const state = this.snapshot.meeting;
        current = state ? rebase(state, command) : undefined;
        if (current && state) {
          const check = decide(state, current, this.actor, new Date());
          if (!check.ok) return { ok: false, error: domainApiError(check.error.code, { ...check.error.details }) };
        }
      }
    }
    return { ok: false, error: domainApiError("conflict") };
  }
}

function domainApiError(code: DomainErrorCode, details?: Record<string, unknown>): ApiError {
  const m = domainErrorMessages[code];
  return new ApiError(m.status, { code, message: { sv: m.sv, en: m.en }, ...(details ? { details } : {}) });
}

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, { code: "internal", message: { sv: String(err), en: String(err) } });
}
