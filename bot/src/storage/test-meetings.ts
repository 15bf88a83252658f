import {
  BodySchema, decide, foldEvents, planMeeting, projectMeeting,
  type Actor, type AppendInput, type Body, type MeetingCommand, type MeetingState, type MeetingStore, type OutboxJobInput, type StoredEvent,
} from "@paragraf/shared";

/** The chair of the sample body, who may change its meetings. */
export const chair: Actor = { userId: "u-chair", personId: "p-chair", name: "Astrid Lindqvist" };

/** A valid body with a chair, a secretary and two members (one an adjuster). */
export function sampleBody(tenantId: string, id = "styrelsen", version = 0): Body {
  return BodySchema.parse({
    id, tenantId, name: `Styrelsen ${id}`, version, settings: {},
    roster: [
      { id: "p-chair", name: "Astrid Lindqvist", roles: ["ordforande"], userId: "u-chair" },
      { id: "p-sec", name: "Elin Strand", roles: ["sekreterare"], userId: "u-sec" },
      { id: "p-adj", name: "Maja Öberg", roles: ["ledamot"], userId: "u-adj" },
      { id: "p-mem", name: "Johan Nyström", roles: ["ledamot"] },
    ],
  });
}

/** An append prepared like a use-case does it (decide → fold → project), plus the state after it. */
export interface PreparedAppend { input: AppendInput; next: MeetingState }

/** Turns commands into one AppendInput against `state`; every command must be accepted by `decide`. */
export function prepareCommands(state: MeetingState, commands: readonly MeetingCommand[], at: Date, outbox?: OutboxJobInput[]): PreparedAppend {
  let next = state;
  const stored: StoredEvent[] = [];
  for (const command of commands) {
    const decided = decide(next, command, chair, at);
    if (!decided.ok) throw new Error(`${command.type} rejected: ${decided.error.code}`);
    const batch = decided.value.map((event, i): StoredEvent => ({ seq: next.seq + i + 1, at: at.toISOString(), actor: chair, event }));
    next = foldEvents(state.tenantId, state.id, batch, next);
    stored.push(...batch);
  }
  const input: AppendInput = {
    tenantId: state.tenantId, meetingId: state.id, bodyId: state.bodyId, expectedSeq: state.seq, actor: chair, at,
    events: stored.map((s) => s.event), projection: projectMeeting(next), outbox,
  };
  return { input, next };
}

/** Prepares the append that creates a meeting with the standard agenda (`planMeeting`). */
export function prepareNewMeeting(body: Body, meetingId: string, date: string, firstParagraph = 1, at = new Date(`${date}T08:00:00.000Z`)): PreparedAppend {
  let n = 0;
  const events = planMeeting({
    body, meetingId, details: { date, startTime: "09:00", title: `Möte ${date}` }, firstParagraph, standardAgenda: true,
    newId: () => `${meetingId}-std-${++n}`,
  });
  const stored = events.map((event, i): StoredEvent => ({ seq: i + 1, at: at.toISOString(), actor: chair, event }));
  const next = foldEvents(body.tenantId, meetingId, stored);
  const input: AppendInput = {
    tenantId: body.tenantId, meetingId, bodyId: body.id, expectedSeq: 0, actor: chair, at, events, projection: projectMeeting(next),
  };
  return { input, next };
}

/** Commands that run one decision item through a meeting: add, open, decide with clauses, add an assignment. */
export function decisionItemCommands(itemId: string, title: string, clauses: string[], assignment?: { id: string; owner: string; task: string; due?: string; ownerPersonId?: string }): MeetingCommand[] {
  const commands: MeetingCommand[] = [
    { type: "agenda.addItem", itemId, content: { kind: "decision", title, presenters: [], background: "", attachments: [] } },
    { type: "item.open", itemId },
    { type: "item.close", itemId, decision: { outcome: "decided", clauses } },
  ];
  if (assignment) commands.push({ type: "assignment.add", itemId, assignment });
  return commands;
}

/** Creates a meeting through the store and optionally opens it; returns the current state. */
export async function createMeeting(store: MeetingStore, body: Body, meetingId: string, date: string, options: { open?: boolean; firstParagraph?: number } = {}): Promise<MeetingState> {
  const created = prepareNewMeeting(body, meetingId, date, options.firstParagraph);
  await store.append(created.input);
  if (!options.open) return created.next;
  const opened = prepareCommands(created.next, [{ type: "meeting.open" }], new Date(`${date}T09:00:00.000Z`));
  await store.append(opened.input);
  return opened.next;
}

/** Decides and appends commands against `state`; returns the state after them. */
export async function runCommands(store: MeetingStore, state: MeetingState, commands: readonly MeetingCommand[], at = new Date()): Promise<MeetingState> {
  const prepared = prepareCommands(state, commands, at);
  await store.append(prepared.input);
  return prepared.next;
}
