import { findPersonByUser, type MeetingCommand } from "@paragraf/shared";
import { z } from "zod";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { DomainFailure } from "../http/errors";
import { archiveStatusOf } from "../use-cases/archive-status";
import { executeCommand } from "../use-cases/execute-command";
import { justeringCard } from "./cards/justering-card";

/** What an Action.Execute on a justering card carries. */
export const CardActionSchema = z.object({
  verb: z.enum(["justera", "begarAndring", "refresh"]),
  data: z.object({ meetingId: z.string().min(1).max(64), version: z.number().int().optional(), hash: z.string().max(128).optional(), comment: z.string().max(4000).optional() }).passthrough(),
});

const notices = {
  stale: { sv: "Protokollet har ändrats sedan kortet skickades. Detta är den aktuella versionen.", en: "The protocol changed since this card was sent. This is the current version." },
  signed: { sv: "Din justering är registrerad.", en: "Your sign-off is recorded." },
  changeRequested: { sv: "Din begäran om ändring har skickats till sekreteraren.", en: "Your change request was sent to the secretary." },
  notSignatory: { sv: "Du är inte justerare för detta protokoll.", en: "You are not a signatory of this protocol." },
  missingComment: { sv: "Skriv vad som behöver ändras.", en: "Write what needs to change." },
};

/**
 * Handles a justering card action for the user who clicked: sign the version and hash the card
 * showed, or request a change with a comment; answers with the card as that user should now see it.
 * A stale card refuses to sign and shows the current version; a repeated click records nothing twice.
 */
export async function handleCardAction(options: { deps: Deps; identity: Identity; action: z.infer<typeof CardActionSchema>; tabUrl: (meetingId: string) => string }) {
  const { deps, identity, action } = options;
  const { meetingId } = action.data;
  const load = () => deps.meetings.load(identity.tenantId, meetingId);
  let state = await load();
  if (!state) return undefined;
  const personId = findPersonByUser(state.members, identity.userId, identity.logins)?.id;
  let notice: { sv: string; en: string } | undefined;
  const command: MeetingCommand | undefined =
    action.verb === "justera" ? { type: "protocol.sign", hash: action.data.hash ?? "" }
    : action.verb === "begarAndring" && action.data.comment?.trim() ? { type: "protocol.requestChange", comment: action.data.comment.trim() }
    : undefined;
  if (action.verb === "begarAndring" && !command) notice = notices.missingComment;
  if (command && action.data.version !== undefined && action.data.version !== state.protocol.version) notice = notices.stale;
  else if (command) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await executeCommand({ deps, identity, meetingId, expectedSeq: state.seq, command });
        notice = command.type === "protocol.sign" ? notices.signed : notices.changeRequested;
        break;
      } catch (err) {
        if (!(err instanceof DomainFailure)) throw err;
        const code = err.error.code;
        if (code === "conflict") {
          state = (await load()) ?? state;
          continue;
        }
        notice = code === "staleProtocol" ? notices.stale : code === "alreadySigned" ? notices.signed : code === "notSignatory" || code === "forbidden" ? notices.notSignatory : { sv: "Åtgärden kunde inte utföras.", en: "The action could not be done." };
        break;
      }
    }
    state = (await load()) ?? state;
  }
  // A signatory's refreshed view shows the filing too (queued, filed link, or why it failed).
  const archive = await archiveStatusOf({ deps, tenantId: identity.tenantId, state });
  return justeringCard(state, options.tabUrl(meetingId), { personId, notice }, [], archive);
}
