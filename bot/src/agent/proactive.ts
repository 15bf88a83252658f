import type { ConversationParameters, ConversationReference } from "@microsoft/agents-activity";
import type { CloudAdapter, TurnContext } from "@microsoft/agents-hosting";

/**
 * Runs `work` in a turn of its own and lets its failure reach the caller. The adapter runs proactive
 * turns through its turn-error handler, which by default swallows the error and posts an English
 * "The agent encountered an error" into the chat; an outbox job must see a 429 to retry it instead.
 */
async function captured(run: (logic: (context: TurnContext) => Promise<void>) => Promise<void>, work: (context: TurnContext) => Promise<void>): Promise<void> {
  let failure: { error: unknown } | undefined;
  await run(async (context) => {
    try {
      await work(context);
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw failure.error;
}

/** Continues a saved conversation (`CloudAdapter.continueConversation`) with failures surfaced. */
export function continueConversation(adapter: CloudAdapter, appId: string, reference: ConversationReference, work: (context: TurnContext) => Promise<void>): Promise<void> {
  return captured((logic) => adapter.continueConversation(appId, reference, logic), work);
}

/** Creates a conversation (`CloudAdapter.createConversationAsync`) and runs `work` in it, failures surfaced. */
export function createConversation(
  adapter: CloudAdapter,
  target: { appId: string; channelId: string; serviceUrl: string; audience: string; parameters: ConversationParameters },
  work: (context: TurnContext) => Promise<void>,
): Promise<void> {
  return captured((logic) => adapter.createConversationAsync(target.appId, target.channelId, target.serviceUrl, target.audience, target.parameters, logic), work);
}
