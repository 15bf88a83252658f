import { decide, foldEvents, type MeetingCommand, type MeetingState, type StoredEvent } from "@paragraf/shared";
import { actorOf, testMeeting } from "@paragraf/shared/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, type Api } from "../api/api-client";
import { MeetingLive } from "./meeting-live";

/** A stand-in for the service's meeting routes with the real domain rules and optimistic concurrency. */
function fakeService(initial: MeetingState) {
  let state = initial;
  const log: StoredEvent[] = [];
  const write = (command: MeetingCommand, userId: string): StoredEvent[] => {
    const r = decide(state, command, actorOf(userId), new Date("2026-03-20T09:00:00Z"));
    if (!r.ok) throw new ApiError(422, { code: r.error.code, message: { sv: r.error.code, en: r.error.code } });
    const stored = r.value.map((event, i) => ({ seq: state.seq + i + 1, at: "2026-03-20T09:00:00.000Z", actor: actorOf(userId), event }));
    state = foldEvents(state.tenantId, state.id, stored, state);
    log.push(...stored);
    return stored;
  };
  const requests: string[] = [];
  const api = (userId: string): Api => ({
    token: async () => "token",
    get: async <T>(path: string) => {
      requests.push(`GET ${path}`);
      const after = /events\?after=(\d+)/.exec(path);
      if (after) return { events: log.filter((e) => e.seq > Number(after[1])), seq: state.seq } as T;
      return { meeting: state, seq: state.seq, paragraphs: {}, myRoles: [], canEdit: true, canSign: false } as T;
    },
    send: async <T>(_m: string, path: string, body: unknown) => {
      const { expectedSeq, command } = body as { expectedSeq: number; command: MeetingCommand };
      requests.push(`POST ${path} ${command.type}@${expectedSeq}`);
      if (expectedSeq !== state.seq) throw new ApiError(409, { code: "conflict", message: { sv: "", en: "" }, details: { currentSeq: state.seq } });
      const events = write(command, userId);
      return { seq: state.seq, events } as T;
    },
  });
  return { api, write, requests, log, get state() { return state; } };
}

describe("MeetingLive: the tab's live fold and conflict handling", () => {
  beforeEach(() => {
    vi.stubGlobal("window", { addEventListener: () => undefined, removeEventListener: () => undefined });
    vi.stubGlobal("EventSource", class { close() {} addEventListener() {} });
  });
  afterEach(() => vi.unstubAllGlobals());

  const started = async () => {
    const service = fakeService(testMeeting());
    const live = new MeetingLive(service.api("u-sec"), "mt1", actorOf("u-sec"));
    await live.start();
    return { service, live };
  };

  it("folds events in order, ignores ones it has, and reads the log to fill a gap", async () => {
    const { service, live } = await started();
    const base = live.get().seq;
    const [opened] = service.write({ type: "meeting.open" }, "u-chair");
    const [published] = service.write({ type: "agenda.publish" }, "u-chair");
    live.fold([opened!, opened!]);
    expect(live.get().seq).toBe(base + 1);
    expect(live.get().meeting?.status).toBe("open");
    const [added] = service.write({ type: "agenda.addItem", itemId: "x1", content: { kind: "decision", title: "Nytt", presenters: [], background: "", attachments: [] } }, "u-sec");
    live.fold([added!]); // published is missing: a gap
    await vi.waitFor(() => expect(live.get().seq).toBe(added!.seq));
    expect(service.requests).toContain(`GET /api/meetings/mt1/events?after=${opened!.seq}`);
    expect(live.get().meeting?.agendaPublishedAt).toBe(published!.at);
    expect(live.get().meeting?.items.some((i) => i.id === "x1")).toBe(true);
  });

  it("redoes a command on the latest state after a conflict, when it still applies", async () => {
    const { service, live } = await started();
    service.write({ type: "meeting.open" }, "u-chair"); // the tab has not seen this
    const result = await live.run({ type: "attendance.mark", personId: "m1", attendance: { status: "present" } });
    expect(result.ok).toBe(true);
    expect(service.state.attendance.m1?.status).toBe("present");
    expect(live.get().seq).toBe(service.state.seq);
    expect(service.requests.filter((r) => r.startsWith("POST"))).toHaveLength(2);
  });

  it("returns the conflict instead of overwriting when the rebase says the change no longer applies", async () => {
    const { service, live } = await started();
    const item = live.get().meeting!.items[0]!;
    service.write({ type: "agenda.editItem", itemId: item.id, content: { title: "Deras rubrik" } }, "u-chair");
    const result = await live.run({ type: "agenda.editItem", itemId: item.id, content: { title: "Min rubrik" } }, (s) =>
      s.items.find((i) => i.id === item.id)?.title === item.title ? { type: "agenda.editItem", itemId: item.id, content: { title: "Min rubrik" } } : undefined);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("conflict");
    expect(service.state.items[0]!.title).toBe("Deras rubrik");
    expect(live.get().meeting!.items[0]!.title).toBe("Deras rubrik");
  });

  it("shows the domain's refusal when the redone command is no longer allowed", async () => {
    const { service, live } = await started();
    const item = live.get().meeting!.items.find((i) => i.status === "pending")!;
    service.write({ type: "agenda.withdrawItem", itemId: item.id }, "u-chair");
    const result = await live.run({ type: "agenda.editItem", itemId: item.id, content: { title: "Ändrad" } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("itemWithdrawn");
      expect(result.error.body.message.sv).toMatch(/struket/);
    }
  });
});
