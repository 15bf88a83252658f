import { validateDecision, type AgendaItem, type Decision, type ItemKind, type Outcome } from "@paragraf/shared";

/** The editor's working copy of a decision: plain strings, as the fields hold them. */
export interface Draft { outcome: Outcome; clauses: string[]; motivation: string; recipient: string; followUpDate: string }

const informationKinds: readonly ItemKind[] = ["information", "oralInformation", "assignmentFollowUp"];

/** A draft from a recorded decision, or an empty one suited to the item's kind. */
export function toDraft(decision: Decision | undefined, kind: ItemKind): Draft {
  if (!decision) return { outcome: informationKinds.includes(kind) ? "informationNoted" : "decided", clauses: [""], motivation: "", recipient: "", followUpDate: "" };
  return {
    outcome: decision.outcome,
    clauses: decision.clauses.length ? [...decision.clauses] : [""],
    motivation: decision.motivation ?? "",
    recipient: decision.recipient ?? "",
    followUpDate: decision.followUpDate ?? "",
  };
}

/** The decision a draft stands for: trimmed, empty clauses and fields left out, in a canonical key order. */
export function toDecision(draft: Draft, vote?: Decision["vote"]): Decision {
  const d: Decision = { outcome: draft.outcome, clauses: draft.clauses.map((c) => c.trim()).filter(Boolean) };
  if (draft.motivation.trim()) d.motivation = draft.motivation.trim();
  if (draft.recipient.trim()) d.recipient = draft.recipient.trim();
  if (draft.followUpDate) d.followUpDate = draft.followUpDate;
  if (vote) d.vote = vote;
  return d;
}

/** Whether two decisions say the same thing (undefined equals undefined). */
export function sameDecision(a: Decision | undefined, b: Decision | undefined): boolean {
  const norm = (d: Decision | undefined) => (d ? JSON.stringify(toDecision(toDraft(d, "decision"), d.vote)) : "");
  return norm(a) === norm(b);
}

/** Whether the draft is complete enough to save (the same rule the server applies). */
export function isSavable(draft: Draft): boolean {
  return validateDecision(toDecision(draft)).ok;
}

/** An unsaved draft kept in the browser, with the server decision it was started from. */
export interface StoredDraft { draft: Draft; base: Decision | null }

const key = (meetingId: string, itemId: string) => `paragraf:draft:${meetingId}:${itemId}`;

/** Reads a kept draft. */
export function loadDraft(meetingId: string, item: AgendaItem): StoredDraft | undefined {
  try {
    const raw = localStorage.getItem(key(meetingId, item.id));
    return raw ? (JSON.parse(raw) as StoredDraft) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a draft so a closed panel or a reload loses no text. */
export function keepDraft(meetingId: string, itemId: string, stored: StoredDraft): void {
  try {
    localStorage.setItem(key(meetingId, itemId), JSON.stringify(stored));
  } catch {
    // Storage full or disabled: the draft still lives in memory until saved.
  }
}

/** Forgets a draft once the server has it. */
export function dropDraft(meetingId: string, itemId: string): void {
  localStorage.removeItem(key(meetingId, itemId));
}
