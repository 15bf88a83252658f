import { useEffect, useMemo, useSyncExternalStore } from "react";
import { MeetingLive, type LiveSnapshot } from "../live/meeting-live";
import { useSession } from "./session";

/** Follows one meeting live for the current session; the returned `live` sends commands. */
export function useMeetingLive(meetingId: string): { snapshot: LiveSnapshot; live: MeetingLive } {
  const session = useSession();
  const live = useMemo(() => new MeetingLive(session.api, meetingId, session.actor,
    session.prefetched?.meetingId === meetingId ? session.prefetched.response : undefined), [session, meetingId]);
  useEffect(() => {
    void live.start();
    return () => live.stop();
  }, [live]);
  const snapshot = useSyncExternalStore(live.subscribe, live.get);
  return { snapshot, live };
}
