/** A limit of `limit` events in any `windowMs` milliseconds. */
export interface WindowLimit {
  limit: number;
  windowMs: number;
}

/**
 * A rate limiter per key: `waitMs(key)` tells how long until one more event fits (0: now), `record(key)`
 * counts one. Separate so several limiters can be checked together and taken at once (`takeAll`).
 */
export interface Limiter {
  waitMs(key: string): number;
  record(key: string): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sliding-window limits per key (a conversation): at most `limit` events in any `windowMs`, for each
 * limit. Teams counts per bot and thread, e.g. 7 sends a second and 60 in 30 s.
 */
export function createWindowLimiter(limits: readonly WindowLimit[], now: () => number = Date.now): Limiter {
  const longest = Math.max(...limits.map((l) => l.windowMs));
  const history = new Map<string, number[]>();
  const recent = (key: string, t: number) => {
    const times = (history.get(key) ?? []).filter((x) => t - x < longest);
    history.set(key, times);
    return times;
  };
  return {
    waitMs(key) {
      const t = now();
      const times = recent(key, t);
      return Math.max(0, ...limits.map(({ limit, windowMs }) => {
        const inWindow = times.filter((x) => t - x < windowMs);
        return inWindow.length < limit ? 0 : windowMs - (t - inWindow[inWindow.length - limit]!);
      }));
    },
    record(key) {
      const t = now();
      recent(key, t).push(t);
    },
  };
}

/**
 * A token bucket per key (a tenant): tokens refill continuously at `ratePerSecond` up to `burst`. At
 * most `burst + ratePerSecond × seconds` events pass in any window, so e.g. 29 a second with a burst of 1
 * keeps every one-second window at or under Teams' 30 per tenant.
 */
export function createTokenBucket(options: { ratePerSecond: number; burst: number }, now: () => number = Date.now): Limiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = options.ratePerSecond / 1000;
  const refill = (key: string) => {
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: options.burst, at: t };
    bucket.tokens = Math.min(options.burst, bucket.tokens + (t - bucket.at) * perMs);
    bucket.at = t;
    buckets.set(key, bucket);
    return bucket;
  };
  return {
    waitMs(key) {
      const bucket = refill(key);
      return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / perMs);
    },
    record(key) {
      refill(key).tokens -= 1;
    },
  };
}

/**
 * Waits until every limiter has room for its key, then counts the event in all of them at once. No
 * reservations: after a wait everything is checked again, so timers that fire together (after a busy
 * event loop) cannot pass together, and one limiter's wait never spends another's budget.
 */
export async function takeAll(checks: readonly (readonly [Limiter, string])[]): Promise<void> {
  for (;;) {
    const wait = Math.max(0, ...checks.map(([limiter, key]) => limiter.waitMs(key)));
    if (wait === 0) {
      for (const [limiter, key] of checks) limiter.record(key);
      return;
    }
    await sleep(Math.max(1, wait));
  }
}
