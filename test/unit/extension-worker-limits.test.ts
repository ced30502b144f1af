// Request limits in the service worker: each request under Chrome's 30 s fetch limit, one ceiling
// over a job, the user's cancel passed through.
import { describe, expect, it } from 'vitest';
import { jobSignal, withWorkerLimits, WORKER_REQUEST_TIMEOUT_MS } from '../../src/background/worker-limits';
import { defaultSettings } from '../../src/core/settings';

describe('worker limits', () => {
  it('caps each request below 30 s and keeps shorter timeouts', () => {
    expect(WORKER_REQUEST_TIMEOUT_MS).toBeLessThan(30_000);
    expect(withWorkerLimits({ ...defaultSettings(), timeoutMs: 120_000 }).timeoutMs).toBe(WORKER_REQUEST_TIMEOUT_MS);
    expect(withWorkerLimits({ ...defaultSettings(), timeoutMs: 5_000 }).timeoutMs).toBe(5_000);
  });
  it('leaves everything else as it was', () => {
    const s = { ...defaultSettings(), apiKey: 'k', model: 'm', timeoutMs: 60_000 };
    expect({ ...withWorkerLimits(s), timeoutMs: s.timeoutMs }).toEqual(s);
  });
  it("the job signal follows the user's cancel", () => {
    const user = new AbortController();
    const signal = jobSignal(user.signal, defaultSettings());
    expect(signal.aborted).toBe(false);
    user.abort();
    expect(signal.aborted).toBe(true);
  });
  it('the job signal ends by itself after the ceiling', async () => {
    const signal = jobSignal(new AbortController().signal, { ...defaultSettings(), timeoutMs: 1_000, maxRetries: 0 });
    expect(signal.aborted).toBe(false);
    await new Promise((r) => setTimeout(r, 6_200));
    expect(signal.aborted).toBe(true);
  }, 10_000);
});
