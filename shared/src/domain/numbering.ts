import type { AgendaItem, MeetingState } from "./meeting-types";

/** Items that are on the agenda (not withdrawn), in order. */
export function activeItems(state: Pick<MeetingState, "items">): AgendaItem[] {
  return state.items.filter((i) => i.status !== "withdrawn");
}

/** Paragraph number per item id: the body's series continued, contiguous, withdrawn items skipped. */
export function paragraphNumbers(state: Pick<MeetingState, "items" | "firstParagraph">): Map<string, number> {
  const numbers = new Map<string, number>();
  activeItems(state).forEach((item, index) => numbers.set(item.id, state.firstParagraph + index));
  return numbers;
}

/** The first and last paragraph of a meeting, or undefined for an empty agenda. */
export function paragraphRange(state: Pick<MeetingState, "items" | "firstParagraph">): { from: number; to: number } | undefined {
  const count = activeItems(state).length;
  return count === 0 ? undefined : { from: state.firstParagraph, to: state.firstParagraph + count - 1 };
}

/**
 * The first paragraph of a new meeting: one past the highest paragraph the body used earlier that year,
 * or the configured series start for the year, or 1.
 */
export function nextFirstParagraph(lastUsedThisYear: number | undefined, seriesStart: number | undefined): number {
  if (lastUsedThisYear !== undefined) return lastUsedThisYear + 1;
  return seriesStart ?? 1;
}
