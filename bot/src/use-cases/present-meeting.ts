import { canEdit, canSign, paragraphNumbers, rolesOf, type MeetingResponse, type MeetingState } from "@paragraf/shared";
import type { Identity } from "../auth/identity";
import { actorFor } from "./actor";

/** Shapes a meeting for the tab: state, paragraph numbers and what the caller may do. */
export function presentMeeting(state: MeetingState, identity: Identity): MeetingResponse {
  const actor = actorFor(identity, state.members);
  const roles = rolesOf(state, actor);
  return {
    meeting: state as unknown as Record<string, unknown>,
    seq: state.seq,
    paragraphs: Object.fromEntries(paragraphNumbers(state)),
    myRoles: [...roles],
    ...(actor.personId && { myPersonId: actor.personId }),
    canEdit: canEdit(roles),
    canSign: canSign(state, actor),
  };
}
