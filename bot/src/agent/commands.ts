/** A chat command the bot understands, in Swedish or English. */
export type ChatCommand =
  | { kind: "agenda" }
  | { kind: "decisions" }
  | { kind: "status" }
  | { kind: "help" }
  | { kind: "link"; meetingId: string }
  | { kind: "unknown"; text: string };

const words: Record<string, ChatCommand["kind"]> = {
  agenda: "agenda", dagordning: "agenda", dagordningen: "agenda", föredragningslista: "agenda",
  beslut: "decisions", besluten: "decisions", decisions: "decisions",
  status: "status", justering: "status",
  hjälp: "help", hjalp: "help", help: "help", "?": "help",
  koppla: "link", link: "link",
};

/** Parses a chat message (mentions of the bot already removed) into a command. */
export function parseCommand(text: string): ChatCommand {
  const clean = text.replace(/<at>[^<]*<\/at>/gi, " ").replace(/\s+/g, " ").trim();
  const [first = "", second] = clean.split(" ");
  const kind = words[first.toLowerCase().replace(/^\//, "")];
  if (kind === "link") return second && /^[A-Za-z0-9_-]{1,64}$/.test(second) ? { kind: "link", meetingId: second } : { kind: "help" };
  if (!kind) return { kind: "unknown", text: clean.slice(0, 100) };
  return { kind } as ChatCommand;
}
