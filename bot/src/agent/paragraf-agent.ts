import { TeamsActivityHandler } from "@microsoft/agents-hosting-extensions-teams";
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from "@microsoft/agents-hosting";
import type { Identity } from "../auth/identity";
import { CardActionSchema, handleCardAction } from "./card-actions";
import type { Activity } from "@microsoft/agents-activity";
import type { Deps } from "../deps";
import { agendaCard, decisionsCard, statusCard } from "./cards/meeting-cards";
import { helpCard, noticeCard, welcomeCard } from "./cards/help-cards";
import { parseCommand } from "./commands";
import { linkPermission } from "./link-permission";
import { rememberConversation } from "./remember-conversation";
import { loginsOf } from "./teams-login";

/** What the agent needs besides the use-case dependencies. */
export interface AgentOptions {
  deps: Deps;
  publicUrl: string;
  /** In local dev mode every activity belongs to the dev tenant (the Playground's tenant is a mock). */
  devTenantId?: string;
}

type Reply = Parameters<TurnContext["sendActivity"]>[0];
const cardReply = (attachment: ReturnType<typeof welcomeCard>): Reply => ({ type: "message", attachments: [attachment] }) as unknown as Reply;

/** The tenant an activity belongs to: from Teams' channel data, never from user text. */
export function tenantOf(activity: Activity, devTenantId?: string): string | undefined {
  if (devTenantId) return devTenantId;
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

/**
 * Paragraf's bot: remembers the conversations it is in, welcomes, and answers the chat commands
 * from the meeting the conversation is linked to. Card posts that follow meeting events go through
 * the outbox, not through here.
 */
export class ParagrafAgent extends TeamsActivityHandler {
  constructor(private readonly options: AgentOptions) {
    super();
    const welcome = async (context: TurnContext, next: () => Promise<void>) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) {
        await this.remember(context);
        await context.sendActivity(cardReply(welcomeCard(this.tabUrl())));
      }
      await next();
    };
    // Teams routes conversation updates to its own event; other channels (the Playground's webchat) to the generic one.
    this.onTeamsMembersAddedEvent((_members, _team, context, next) => welcome(context, next));
    this.onMembersAdded(welcome);
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context);
      await next();
    });
    // Meeting start and end: queue the agenda card and the summary card (outbox jobs, posted once per meeting event).
    const onMeetingEvent = (kind: "card.agenda" | "card.summary") => async (context: TurnContext, next: () => Promise<void>) => {
      await this.remember(context);
      const tenantId = tenantOf(context.activity, this.options.devTenantId);
      const linked = tenantId ? await this.linkedMeeting(context, tenantId) : undefined;
      if (tenantId && linked?.meetingId) {
        const eventKey = context.activity.id ?? `${context.activity.timestamp ?? ""}`;
        await this.options.deps.store.enqueue(tenantId, [{ kind, key: `${kind}:${linked.meetingId}:${eventKey}`, payload: { meetingId: linked.meetingId, conversationId: linked.conversationId } }]);
      }
      await next();
    };
    this.onTeamsMeetingStartEvent((_meeting, context, next) => onMeetingEvent("card.agenda")(context, next));
    this.onTeamsMeetingEndEvent((_meeting, context, next) => onMeetingEvent("card.summary")(context, next));
    this.onMessage(async (context, next) => {
      await this.remember(context);
      await context.sendActivity(await this.answer(context));
      await next();
    });
  }

  /**
   * The compat ActivityHandler of agents-hosting 1.8.1 sends `event` activities to its
   * unrecognised-activity path, so Teams' meeting start/end events never reach the Teams handlers.
   * Route them to the Teams event dispatch ourselves.
   */
  protected override async onTurnActivity(context: TurnContext): Promise<void> {
    if (context.activity.type === "event") return this.dispatchEventActivity(context);
    return super.onTurnActivity(context);
  }

  /** Action.Execute on a card: justering (sign, request a change) and per-user refresh. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const tenantId = tenantOf(context.activity, this.options.devTenantId);
    const userId = context.activity.from?.aadObjectId;
    const parsed = CardActionSchema.safeParse(invokeValue.action);
    if (!tenantId || !userId || !parsed.success) {
      return { statusCode: 400, type: "application/vnd.microsoft.error", value: { code: "BadRequest", message: "Okänd kortåtgärd / Unknown card action" } } as AdaptiveCardInvokeResponse;
    }
    await this.remember(context);
    const logins = await loginsOf(this.options.deps.store, tenantId, userId);
    const identity: Identity = { tenantId, userId, name: context.activity.from?.name ?? "", mode: this.options.devTenantId ? "dev" : "entra", logins };
    const card = await handleCardAction({ deps: this.options.deps, identity, action: parsed.data, tabUrl: (id) => this.tabUrl(id) });
    if (!card) return { statusCode: 404, type: "application/vnd.microsoft.error", value: { code: "NotFound", message: "Mötet finns inte / No such meeting" } } as AdaptiveCardInvokeResponse;
    return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card.content } as AdaptiveCardInvokeResponse;
  }

  /**
   * The meeting this chat is linked to: by the chat (a link the tab or `koppla` saved), else by the
   * Teams meeting the event names, which the tab may have linked from another surface; that link is
   * then saved for this chat too.
   */
  private async linkedMeeting(context: TurnContext, tenantId: string): Promise<{ meetingId?: string; conversationId: string } | undefined> {
    const { store } = this.options.deps;
    const conversationId = context.activity.conversation?.id ?? "";
    const linked = await store.getConversation(tenantId, conversationId);
    if (linked?.meetingId) return linked;
    const teamsMeetingId = (context.activity.channelData as { meeting?: { id?: unknown } } | undefined)?.meeting?.id;
    const link = typeof teamsMeetingId === "string" && teamsMeetingId ? await store.findTeamsLink(tenantId, { teamsMeetingId }) : undefined;
    if (!link) return linked;
    await this.remember(context, { bodyId: link.bodyId, meetingId: link.meetingId });
    return { meetingId: link.meetingId, conversationId };
  }

  private tabUrl(meetingId?: string): string {
    return meetingId ? `${this.options.publicUrl}/?meeting=${encodeURIComponent(meetingId)}` : this.options.publicUrl;
  }

  /** Saves (or refreshes) the conversation reference so outbox jobs can post here later, and who spoke. */
  private async remember(context: TurnContext, link?: { bodyId: string; meetingId: string }): Promise<void> {
    const tenantId = tenantOf(context.activity, this.options.devTenantId);
    if (tenantId) await rememberConversation({ deps: this.options.deps, context, tenantId, link });
  }

  private async answer(context: TurnContext): Promise<Reply> {
    const { deps } = this.options;
    const tenantId = tenantOf(context.activity, this.options.devTenantId);
    const conversationId = context.activity.conversation?.id ?? "";
    if (!tenantId) return cardReply(noticeCard("Jag kan inte avgöra vilken organisation chatten tillhör.", "I cannot tell which organisation this chat belongs to."));
    const command = parseCommand(context.activity.text ?? "");
    if (command.kind === "help") return cardReply(helpCard());
    if (command.kind === "unknown") {
      return cardReply(noticeCard(`Jag förstod inte ”${command.text}”. Skriv hjälp för kommandona.`, "I did not understand that. Type help for the commands."));
    }
    if (command.kind === "link") {
      const bodyId = await deps.store.meetingBody(tenantId, command.meetingId);
      if (!bodyId) return cardReply(noticeCard("Mötet finns inte i er organisation.", "That meeting does not exist in your organisation."));
      const permission = await linkPermission({ deps, context, tenantId, meetingId: command.meetingId });
      if (!permission.allowed) {
        return cardReply(noticeCard(
          "Bara organets sekreterare eller ordförande, eller mötets organisatör eller presentatörer, kan koppla chatten till ett möte.",
          "Only the body's secretary or chair, or the meeting's organizer or presenters, can link this chat to a meeting.",
        ));
      }
      await this.remember(context, { bodyId, meetingId: command.meetingId });
      return cardReply(noticeCard("Chatten är kopplad till mötet. Skriv agenda för dagordningen.", "This chat is linked to the meeting. Type agenda for the agenda."));
    }
    const linked = await deps.store.getConversation(tenantId, conversationId);
    const state = linked?.meetingId ? await deps.meetings.load(tenantId, linked.meetingId) : undefined;
    if (!state) {
      return cardReply(noticeCard("Chatten är inte kopplad till något möte ännu. Lägg till fliken Paragraf i mötet eller skriv koppla ‹mötes-id›.",
        "This chat is not linked to a meeting yet. Add the Paragraf tab to the meeting or type link ‹meeting id›."));
    }
    const url = this.tabUrl(state.id);
    if (command.kind === "agenda") return cardReply(agendaCard(state, url));
    if (command.kind === "decisions") return cardReply(decisionsCard(state, url));
    return cardReply(statusCard(state, url));
  }
}
