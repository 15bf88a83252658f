/**
 * The benchmark's live subscribers, run as their own process (`node --import tsx`) so that holding
 * thousands of streams never delays the writers' clocks, nor the writers the stream reads. Each
 * frame is timestamped when its bytes arrive, before any parsing, on the monotonic clock that all
 * processes of the machine share (`process.hrtime`). Only the `id:` line is read: the seq is all the
 * measurement needs, and exactly-once, in-order delivery is checked per stream from it.
 *
 * Protocol over IPC: the parent sends `{ type: "open", base, token, meetings, perMeeting }`; this
 * process answers `{ type: "ready" }` when every stream is connected, then on `{ type: "stop" }`
 * answers `{ type: "result", ... }` and exits.
 */
import http from "node:http";

export interface OpenMessage { type: "open"; base: string; token: string; meetings: { id: string; seq: number }[]; perMeeting: number }
/** One delivery: meeting index, seq, and when its bytes arrived (ms on the monotonic clock). */
export type Receipt = [meeting: number, seq: number, at: number];
export interface ResultMessage { type: "result"; receipts: Receipt[]; duplicatesOrGaps: number; errors: string[] }

/** Milliseconds on the machine's monotonic clock, comparable across processes. */
const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;

const receipts: Receipt[] = [];
const errors: string[] = [];
const requests: http.ClientRequest[] = [];
let duplicatesOrGaps = 0;
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

function openStream(base: string, token: string, meeting: number, id: string, after: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/meetings/${id}/stream?after=${after}&access_token=${token}`, { agent, headers: { accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream ${id}: ${res.statusCode}`));
        res.resume();
        return;
      }
      let last = after;
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        const at = monotonicMs();
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (!frame.startsWith("id: ")) continue;
          const seq = Number(frame.slice(4, frame.indexOf("\n")));
          if (seq !== last + 1) duplicatesOrGaps++;
          last = seq;
          receipts.push([meeting, seq, at]);
        }
      });
      res.on("error", () => {});
      resolve();
    });
    req.on("error", (err) => {
      if (!stopping) errors.push(String(err));
      reject(err);
    });
    requests.push(req);
  });
}

let stopping = false;
// The benchmark went away (finished or failed): do not keep its streams open.
process.on("disconnect", () => process.exit(0));

process.on("message", (msg: OpenMessage | { type: "stop" }) => {
  if (msg.type === "open") {
    void (async () => {
      for (const [i, m] of msg.meetings.entries()) {
        for (let s = 0; s < msg.perMeeting; s++) await openStream(msg.base, msg.token, i, m.id, m.seq);
      }
      process.send!({ type: "ready" });
    })().catch((err: unknown) => {
      errors.push(String(err));
      process.send!({ type: "result", receipts, duplicatesOrGaps, errors } satisfies ResultMessage);
    });
  } else {
    stopping = true;
    requests.forEach((r) => r.destroy());
    process.send!({ type: "result", receipts, duplicatesOrGaps, errors } satisfies ResultMessage, () => process.exit(0));
  }
});
