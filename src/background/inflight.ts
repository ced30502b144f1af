// In-flight requests of this worker instance: only what cannot live in storage (an AbortController
// and the promise of the running job). Everything a reopened popup needs is in storage.session; if
// the worker was stopped, the map is empty and a job marked running is simply started again.
import browser from 'webextension-polyfill';
import type { JobState } from '../shared/messages';

export interface InFlight {
  jobId: string;
  controller: AbortController;
  done: Promise<JobState>;
}

const inflight = new Map<number, InFlight>();
let keepAlive: ReturnType<typeof setInterval> | undefined;

export function getInFlight(tabId: number): InFlight | undefined {
  return inflight.get(tabId);
}

export function setInFlight(tabId: number, job: InFlight): void {
  inflight.set(tabId, job);
  // An extension API call every 20 s resets the worker's 30 s idle timer while a request runs.
  keepAlive ??= setInterval(() => void browser.runtime.getPlatformInfo(), 20_000);
}

export function clearInFlight(tabId: number, jobId: string): void {
  if (inflight.get(tabId)?.jobId === jobId) inflight.delete(tabId);
  if (inflight.size === 0 && keepAlive) {
    clearInterval(keepAlive);
    keepAlive = undefined;
  }
}
