import { defaultInsertIndex, type MeetingCommand } from "@paragraf/shared";
import type { Identity } from "../auth/identity";
import type { Deps } from "../deps";
import { createBody } from "../use-cases/create-body";
import { createMeeting } from "../use-cases/create-meeting";
import { executeCommand } from "../use-cases/execute-command";
import { demoItems } from "./demo-agenda";
import { demoBody, demoRoster } from "./demo-body";

const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Seeds the demo body and one upcoming meeting on first start (when the dev tenant has no body).
 * Goes through the same use-cases as the API, so the demo log is a real event log.
 */
export async function seedDemo(deps: Deps, tenantId: string): Promise<{ seeded: boolean; meetingId?: string }> {
  if ((await deps.store.listBodies(tenantId)).length > 0) return { seeded: false };
  const identity: Identity = { tenantId, userId: "dev-secretary", name: "Elin Strand", mode: "dev" };
  await createBody({ deps, identity, input: { ...demoBody, roster: demoRoster, settings: { justeringDays: 14, seriesStarts: { [deps.clock.now().getUTCFullYear()]: 46 } } } });
  const state = await createMeeting({
    deps, identity, bodyId: demoBody.id,
    input: {
      id: "demo-meeting", standardAgenda: true,
      details: { title: "Länssamverkansgruppen", dnr: `${demoBody.dnrPrefix} 12-${deps.clock.now().getUTCFullYear()}`, date: addDays(deps.clock.now(), 7), startTime: "08:15", endTime: "12:00", place: "Teams" },
    },
  });
  let seq = state.seq;
  let index = defaultInsertIndex(state.items);
  const run = async (command: MeetingCommand) => {
    seq = (await executeCommand({ deps, identity, meetingId: state.id, expectedSeq: seq, command })).seq;
  };
  for (const content of demoItems) await run({ type: "agenda.addItem", itemId: deps.ids.next(), content, index: index++ });
  await run({ type: "roles.assign", chairPersonId: "p-astrid", secretaryPersonId: "p-elin", adjusterIds: ["p-maja", "p-sara"] });
  return { seeded: true, meetingId: state.id };
}
