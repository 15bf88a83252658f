import { foldEvents, type MeetingState, type MeetingStore } from "@paragraf/shared";

/** Loads meeting state by folding its log, caching folded states and catching up from the cached seq. */
export interface MeetingLoader {
  /** The current state, or undefined when the meeting does not exist for this tenant. */
  load(tenantId: string, meetingId: string): Promise<MeetingState | undefined>;
  /** The cached state without asking storage (may be behind another instance's writes). */
  cached(tenantId: string, meetingId: string): MeetingState | undefined;
  /** Remembers a state the caller just produced by appending. */
  remember(state: MeetingState): void;
}

/** Creates a loader with a bounded LRU cache of folded states. */
export function createMeetingLoader(store: MeetingStore, maxEntries = 1000): MeetingLoader {
  const cache = new Map<string, MeetingState>();
  const key = (t: string, m: string) => `${t}\u0000${m}`;
  const remember = (state: MeetingState) => {
    const k = key(state.tenantId, state.id);
    const old = cache.get(k);
    if (old && old.seq > state.seq) return;
    cache.delete(k);
    cache.set(k, state);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  };
  return {
    remember,
    cached: (tenantId, meetingId) => cache.get(key(tenantId, meetingId)),
    async load(tenantId, meetingId) {
      const cached = cache.get(key(tenantId, meetingId));
      const events = await store.loadEvents(tenantId, meetingId, cached?.seq ?? 0);
      if (!cached && events.length === 0) return undefined;
      const state = events.length === 0 && cached ? cached : foldEvents(tenantId, meetingId, events, cached);
      remember(state);
      return state;
    },
  };
}
