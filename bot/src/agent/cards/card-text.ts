/** An Adaptive Card element or action: plain JSON. */
export type CardElement = Record<string, unknown>;

/** The longest user text a card shows before it points to the tab for the rest. */
export const maxCardText = 600;

/**
 * Makes user text render literally in an Adaptive Card TextBlock: markdown that Teams would act on
 * is escaped (emphasis, links, code, and list, heading or quote markers at a line start), `${` and
 * `{{` cannot start a template or date expression, `<at>` cannot fake a Teams mention, and long text
 * is cut at a word with an ellipsis.
 */
export function literal(text: string, max = maxCardText): string {
  const cut = text.lastIndexOf(" ", max);
  const clipped = text.length > max ? `${text.slice(0, cut > max * 0.6 ? cut : max).trimEnd()} …` : text;
  return clipped
    .replace(/\r\n?/g, "\n")
    .replace(/([\\*_[\]`~])/g, "\\$1")
    .replace(/^(\s*)([-+#>])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2")
    .replace(/<(\/?at)>/gi, "<\u200b$1>")
    .replace(/\$\{/g, "$\u200b{")
    .replace(/\{\{/g, "{\u200b{");
}

/** Whether text was cut by `literal`. */
export const isClipped = (text: string, max = maxCardText) => text.length > max;

/** A TextBlock with literal user text. */
export function textBlock(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: "TextBlock", text: literal(text), wrap: true, ...options };
}

/** A TextBlock with our own (trusted, markdown-free) text. */
export function label(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: "TextBlock", text, wrap: true, ...options };
}

/** An Adaptive Card 1.5 attachment. */
export function adaptiveCard(body: CardElement[], actions: CardElement[] = [], extra: Record<string, unknown> = {}): { contentType: string; content: CardElement } {
  return {
    contentType: "application/vnd.microsoft.card.adaptive",
    content: { type: "AdaptiveCard", $schema: "http://adaptivecards.io/schemas/adaptive-card.json", version: "1.5", body, actions, ...extra },
  };
}
