import type { SpawnedService } from "../support/spawn-service";

/** JSON request helper for the benchmark client. */
export async function api(service: SpawnedService, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${service.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Creates `count` open meetings of the demo body, each with a current item to record decisions on. */
export async function prepareMeetings(service: SpawnedService, token: string, count: number, prefix: string): Promise<{ id: string; seq: number }[]> {
  const meetings: { id: string; seq: number }[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${prefix}-${i}`;
    const created = await api(service, token, "POST", "/api/bodies/demo-lsg/meetings", { id, standardAgenda: false, details: { date: "2026-06-01", startTime: "09:00" } });
    if (created.status !== 201) throw new Error(`create meeting: ${created.status} ${JSON.stringify(created.json)}`);
    let seq = created.json.seq as number;
    for (const [path, body] of [
      ["/agenda/items", { itemId: "item", content: { kind: "decision", title: "Beslut under mätning" } }],
      ["/open", {}],
      ["/items/item/open", {}],
    ] as const) {
      const res = await api(service, token, "POST", `/api/meetings/${id}${path}`, { expectedSeq: seq, ...body });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.json)}`);
      seq = res.json.seq as number;
    }
    meetings.push({ id, seq });
  }
  return meetings;
}

/** Percentile of a sorted list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Resident memory of a process in MB, from /proc. */
export async function rssMb(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * CPU time a process has used so far (user + system) in ms, from /proc: unlike latencies, it hardly
 * depends on what else runs on the machine, so it compares changes to the service under noisy load.
 */
export async function cpuMs(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the parenthesised command name: state is field 3, utime 14 and stime 15 (in ticks of 10 ms).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
