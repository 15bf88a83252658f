import { describe, expect, it } from "vitest";
import { ArchiveStatusSchema } from "../contracts/api";
import { archiveFailureReasons, deriveArchiveStatus, type FilingJobView } from "./archive-status";
import type { MeetingState } from "./meeting-types";

const now = new Date("2026-03-20T09:00:00Z");
const later = new Date("2026-03-20T09:05:00Z");
type Part = Pick<MeetingState, "status" | "protocol">;
const protocol = (extra: Partial<MeetingState["protocol"]> = {}): MeetingState["protocol"] => ({
  version: 2, hash: "h", signatories: [], signatures: [], changeRequests: [], ...extra,
} as MeetingState["protocol"]);
const sealed: Part = { status: "sealed", protocol: protocol({ sealedAt: now.toISOString() }) };
const job = (extra: Partial<FilingJobView>): FilingJobView => ({ status: "pending", attempts: 0, runAt: now, ...extra });
const derive = (state: Part, j?: FilingJobView) => ArchiveStatusSchema.parse(deriveArchiveStatus(state, j, now));

describe("deriveArchiveStatus", () => {
  it("is notSealed before sealing, whatever the outbox holds", () => {
    expect(derive({ status: "inJustering", protocol: protocol() })).toEqual({ state: "notSealed", version: 2, attempts: 0 });
    expect(derive({ status: "closed", protocol: protocol({ version: 0 }) }, job({ attempts: 3 })).state).toBe("notSealed");
  });

  it("is queued when sealed and the job has not run (or its row is not there yet)", () => {
    expect(derive(sealed)).toEqual({ state: "queued", version: 2, attempts: 0 });
    expect(derive(sealed, job({}))).toEqual({ state: "queued", version: 2, attempts: 0 });
  });

  it("is filing while a worker holds the job's lease, or once it is done but not yet folded", () => {
    expect(derive(sealed, job({ attempts: 1, lockedUntil: later })).state).toBe("filing");
    expect(derive(sealed, job({ status: "done", attempts: 1 })).state).toBe("filing");
    // A lease that ran out (the worker died) is queued again, not filing.
    expect(derive(sealed, job({ attempts: 1, lockedUntil: new Date(now.getTime() - 1) })).state).toBe("queued");
  });

  it("is retrying after a failed attempt, with the reason (generic unless the adapter gave one) and when", () => {
    const status = derive(sealed, job({ attempts: 2, runAt: later, failure: { message: "graph answered 503", permanent: false } }));
    expect(status).toEqual({
      state: "retrying", version: 2, attempts: 2, nextRetryAt: later.toISOString(),
      lastError: { ...archiveFailureReasons.unavailable, detail: "graph answered 503" },
    });
    const throttled = { code: "throttled", sv: "SharePoint begränsar", en: "SharePoint throttles" };
    expect(derive(sealed, job({ attempts: 1, runAt: later, failure: { message: "429", permanent: false, reason: throttled } })).lastError).toMatchObject(throttled);
  });

  it("is failed with the adapter's actionable reason on a permanent error", () => {
    const status = derive(sealed, job({ status: "failed", attempts: 1, failure: { message: "403 accessDenied", permanent: true, reason: archiveFailureReasons.accessDenied } }));
    expect(status.state).toBe("failed");
    expect(status.permanent).toBe(true);
    expect(status.lastError).toEqual({ ...archiveFailureReasons.accessDenied, detail: "403 accessDenied" });
    expect(status.lastError?.sv).toContain("Sites.Selected");
    expect(status.lastError?.en).toContain("Sites.Selected");
  });

  it("words a failure without a reason: a permanent error generically, too many attempts as giving up", () => {
    expect(derive(sealed, job({ status: "failed", attempts: 1, failure: { message: "boom", permanent: true } })).lastError?.code).toBe("failed");
    const gaveUp = derive(sealed, job({ status: "failed", attempts: 12, failure: { message: "timeout", permanent: false } }));
    expect(gaveUp).toMatchObject({ state: "failed", permanent: false, attempts: 12, lastError: { code: "gaveUp", detail: "timeout" } });
  });

  it("is filed with link and time once the log says so", () => {
    const filed: Part = { status: "filed", protocol: protocol({ filed: { url: "https://contoso.sharepoint.com/x.pdf", at: later.toISOString() } }) };
    expect(derive(filed, job({ status: "done", attempts: 3 }))).toEqual({
      state: "filed", version: 2, url: "https://contoso.sharepoint.com/x.pdf", filedAt: later.toISOString(), attempts: 3,
    });
  });

  it("has every reason in both languages, each telling what to do", () => {
    for (const reason of Object.values(archiveFailureReasons)) {
      expect(reason.sv.length).toBeGreaterThan(20);
      expect(reason.en.length).toBeGreaterThan(20);
      expect(reason.sv).not.toBe(reason.en);
    }
  });
});
