import type { MeetingState, Outcome } from "./meeting-types";
import { paragraphNumbers, paragraphRange } from "./numbering";

/** A row of the meetings list read model. */
export interface MeetingSummary {
  meetingId: string;
  bodyId: string;
  title: string | null;
  date: string;
  startTime: string;
  status: MeetingState["status"];
  firstParagraph: number;
  lastParagraph: number | null;
  itemCount: number;
  seq: number;
}

/** A row of the body's decision log across meetings. */
export interface DecisionLogRow {
  meetingId: string;
  bodyId: string;
  itemId: string;
  paragraph: number;
  meetingDate: string;
  title: string;
  outcome: Outcome;
  clauses: string[];
  status: string;
}

/** A row of the body's assignment log across meetings. */
export interface AssignmentLogRow {
  meetingId: string;
  bodyId: string;
  itemId: string;
  assignmentId: string;
  paragraph: number;
  meetingDate: string;
  owner: string;
  ownerPersonId: string | null;
  task: string;
  due: string | null;
}

/** The read-model rows of one meeting, derived purely from its state. */
export interface MeetingProjection {
  summary: MeetingSummary;
  decisions: DecisionLogRow[];
  assignments: AssignmentLogRow[];
}

/** Derives every read-model row of a meeting from its state; the store replaces the meeting's rows with these. */
export function projectMeeting(state: MeetingState): MeetingProjection {
  const numbers = paragraphNumbers(state);
  const range = paragraphRange(state);
  const base = { meetingId: state.id, bodyId: state.bodyId, meetingDate: state.details.date };
  const decisions: DecisionLogRow[] = [];
  const assignments: AssignmentLogRow[] = [];
  for (const item of state.items) {
    const paragraph = numbers.get(item.id);
    if (paragraph === undefined) continue;
    if (item.decision && item.status !== "pending" && item.status !== "current") {
      decisions.push({ ...base, itemId: item.id, paragraph, title: item.title, outcome: item.decision.outcome, clauses: item.decision.clauses, status: item.status });
    }
    for (const a of item.assignments) {
      assignments.push({
        ...base, itemId: item.id, assignmentId: a.id, paragraph, owner: a.owner, ownerPersonId: a.ownerPersonId ?? null, task: a.task, due: a.due ?? null,
      });
    }
  }
  return {
    summary: {
      meetingId: state.id, bodyId: state.bodyId, title: state.details.title ?? null, date: state.details.date, startTime: state.details.startTime,
      status: state.status, firstParagraph: state.firstParagraph, lastParagraph: range?.to ?? null, itemCount: numbers.size, seq: state.seq,
    },
    decisions,
    assignments,
  };
}
