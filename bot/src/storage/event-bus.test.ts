import { randomUUID } from "node:crypto";
import type { EventBus } from "@paragraf/shared";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "./database";
import { createEventBus, type EventBusOptions } from "./event-bus";
import { testBackends } from "./test-backends";

type Received = [string, string, number][];

/** Subscribes and records every notification the bus delivers. */
function record(bus: EventBus): Received {
  const received: Received = [];
  bus.subscribe((tenantId, meetingId, seq) => received.push([tenantId, meetingId, seq]));
  return received;
}

describe.each(testBackends())("event bus on $name", (backend) => {
  // On PostgreSQL the second database is a separate pool, like another service instance.
  let here: Database;
  let there: Database;
  const buses: EventBus[] = [];
  const channel = `paragraf_test_${randomUUID().replaceAll("-", "")}`;
  const open = async (database: Database, options: EventBusOptions = {}) => {
    const bus = await createEventBus(database, { channel, ...options });
    buses.push(bus);
    return bus;
  };

  beforeAll(async () => {
    here = await backend.open();
    there = backend.name === "postgres" ? await backend.open() : here;
  });
  afterAll(async () => {
    for (const bus of buses) await bus.close();
    await here.close();
    await there.close();
  });

  it("delivers a publish from one bus to every bus, its own included", async () => {
    const publisher = await open(here);
    const other = await open(there);
    const own = record(publisher);
    const remote = record(other);
    await publisher.publish("tenant-a", "meeting-1", 7);
    await vi.waitFor(() => expect(remote).toEqual([["tenant-a", "meeting-1", 7]]));
    await vi.waitFor(() => expect(own).toEqual([["tenant-a", "meeting-1", 7]]));
  });

  it("stops delivering after unsubscribe and after close, and survives a throwing listener", async () => {
    const errors: Error[] = [];
    const publisher = await open(here);
    const listener = await open(there, { onError: (e) => errors.push(e) });
    const kept = record(listener);
    const dropped: Received = [];
    const unsubscribe = listener.subscribe((t, m, s) => dropped.push([t, m, s]));
    listener.subscribe(() => {
      throw new Error("listener bug");
    });
    const closed = await open(there);
    const afterClose = record(closed);
    unsubscribe();
    await closed.close();

    await publisher.publish("tenant-b", "meeting-2", 1);
    await vi.waitFor(() => expect(kept).toEqual([["tenant-b", "meeting-2", 1]]));
    expect(dropped).toEqual([]);
    expect(afterClose).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual(["listener bug"]);
  });

  if (backend.name === "postgres") {
    it("listens again after its connection is killed and says so", async () => {
      const onReconnect = vi.fn();
      const listener = await open(there, { onReconnect, reconnectDelayMs: 20 });
      const publisher = await open(here);
      const received = record(listener);
      const listening = sql<{ pid: number }>`select pid from pg_stat_activity where query = ${`listen "${channel}"`}`;
      const killed = await sql`select pg_terminate_backend(pid) from (${listening}) as l`.execute(here.db);
      expect(killed.rows.length).toBeGreaterThanOrEqual(1);
      await vi.waitFor(() => expect(onReconnect).toHaveBeenCalled(), { timeout: 5_000 });
      await publisher.publish("tenant-c", "meeting-3", 9);
      await vi.waitFor(() => expect(received).toEqual([["tenant-c", "meeting-3", 9]]));
    });
  }
});
