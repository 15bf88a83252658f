import type { MeetingState } from "@paragraf/shared";

/**
 * SHA-256 (hex) of the meeting's record as the protocol states it: details, attendance, roles and each
 * item with its decision. Interim: the protocol renderer's canonical document hash replaces it when the
 * service computes the hash itself.
 */
export async function protocolHash(m: MeetingState): Promise<string> {
  const record = {
    details: m.details, attendance: m.attendance, roles: m.roles, agendaChanges: m.agendaChanges,
    items: m.items.map((i) => ({ id: i.id, title: i.title, kind: i.kind, status: i.status, decision: i.decision ?? null, assignments: i.assignments, reservations: i.reservations, conflicts: i.conflicts })),
  };
  const bytes = new TextEncoder().encode(JSON.stringify(record));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
