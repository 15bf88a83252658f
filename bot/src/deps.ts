import type { Clock, EventBus, Ids, MeetingStore } from "@paragraf/shared";
import type { Logger } from "pino";
import type { LiveHub } from "./live/live-hub";
import type { MeetingLoader } from "./meetings/meeting-loader";

/** What use-cases need, chosen once by the composition root. */
export interface Deps {
  store: MeetingStore;
  bus: EventBus;
  hub: LiveHub;
  meetings: MeetingLoader;
  clock: Clock;
  ids: Ids;
  log: Logger;
}
