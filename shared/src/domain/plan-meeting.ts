import type { Body } from "./body";
import type { MeetingEvent } from "./events";
import type { ItemContent, ItemKind, MeetingDetails } from "./meeting-types";

/** Standard agenda item titles in Swedish and English. */
export const standardItemTitles: Record<"sv" | "en", Partial<Record<ItemKind, string>>> = {
  sv: {
    opening: "Mötet öppnas",
    electAdjusters: "Val av justerare",
    approveAgenda: "Godkännande av dagordning",
    previousMinutes: "Föregående protokoll",
    otherBusiness: "Övriga frågor",
    summary: "Genomgång och sammanfattning av beslut",
    nextMeeting: "Nästa möte",
    closing: "Mötet avslutas",
  },
  en: {
    opening: "Opening of the meeting",
    electAdjusters: "Election of adjusters",
    approveAgenda: "Approval of the agenda",
    previousMinutes: "Minutes of the previous meeting",
    otherBusiness: "Any other business",
    summary: "Review and summary of decisions",
    nextMeeting: "Next meeting",
    closing: "Closing of the meeting",
  },
};

/** Standard items placed before the body's own items. */
export const standardOpeningKinds: readonly ItemKind[] = ["opening", "electAdjusters", "approveAgenda", "previousMinutes"];
/** Standard items placed after the body's own items. */
export const standardClosingKinds: readonly ItemKind[] = ["otherBusiness", "nextMeeting", "closing"];

export interface PlanMeetingInput {
  body: Body;
  meetingId: string;
  details: MeetingDetails;
  firstParagraph: number;
  /** Ids for the standard items, in the order opening items then closing items. */
  newId: () => string;
  standardAgenda: boolean;
  locale?: "sv" | "en";
}

const standardItem = (kind: ItemKind, locale: "sv" | "en"): ItemContent => ({
  kind, title: standardItemTitles[locale][kind] ?? kind, presenters: [], background: "", attachments: [],
});

/** The events that create a meeting of a body, with the standard agenda when asked. */
export function planMeeting(input: PlanMeetingInput): MeetingEvent[] {
  const { body, details, locale = "sv" } = input;
  const events: MeetingEvent[] = [
    {
      type: "meeting.created", meetingId: input.meetingId, bodyId: body.id, bodyName: body.name,
      signatoryRule: body.settings.signatoryRule, secretarySigns: body.settings.secretarySigns, justeringDays: body.settings.justeringDays,
      details: { ...details, place: details.place ?? body.settings.defaultPlace },
      firstParagraph: input.firstParagraph, members: body.roster,
    },
  ];
  if (input.standardAgenda) {
    [...standardOpeningKinds, ...standardClosingKinds].forEach((kind, index) =>
      events.push({ type: "agenda.itemAdded", itemId: input.newId(), content: standardItem(kind, locale), index, duringMeeting: false }));
  }
  return events;
}

/** Index at which new body items go: before the closing standard items. */
export function defaultInsertIndex(items: readonly { kind: ItemKind }[]): number {
  const firstClosing = items.findIndex((i) => standardClosingKinds.includes(i.kind));
  return firstClosing === -1 ? items.length : firstClosing;
}
