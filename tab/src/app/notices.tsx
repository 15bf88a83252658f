import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { MeetingCommand, MeetingState } from "@paragraf/shared";
import type { ApiError } from "../api/api-client";
import type { MeetingLive, RunResult } from "../live/meeting-live";

/** A message for the user about their last action. */
export interface Notice { intent: "error" | "warning" | "success"; error?: ApiError; text?: string }

interface Commands {
  /** Runs a command; a refusal becomes a visible notice (in the user's language). */
  run(command: MeetingCommand, rebase?: (state: MeetingState, original: MeetingCommand) => MeetingCommand | undefined): Promise<RunResult>;
  notice?: Notice;
  dismiss(): void;
  busy: boolean;
}

const CommandsContext = createContext<Commands | undefined>(undefined);

/** Provides `useCommands` for one live meeting. */
export function CommandsProvider(props: { live: MeetingLive; children: ReactNode }) {
  const [notice, setNotice] = useState<Notice>();
  const [pending, setPending] = useState(0);
  const { live } = props;
  const run = useCallback<Commands["run"]>(async (command, rebase) => {
    setPending((n) => n + 1);
    try {
      const result = await live.run(command, rebase);
      if (!result.ok) setNotice({ intent: result.error.code === "conflict" ? "warning" : "error", error: result.error });
      else setNotice(undefined);
      return result;
    } finally {
      setPending((n) => n - 1);
    }
  }, [live]);
  const value = useMemo(() => ({ run, notice, dismiss: () => setNotice(undefined), busy: pending > 0 }), [run, notice, pending]);
  return <CommandsContext.Provider value={value}>{props.children}</CommandsContext.Provider>;
}

/** Sends commands for the current meeting. */
export function useCommands(): Commands {
  const c = useContext(CommandsContext);
  if (!c) throw new Error("useCommands outside CommandsProvider");
  return c;
}
