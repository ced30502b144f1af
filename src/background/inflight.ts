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

/**
 * An extension API call resets the background's idle timer in Chrome (a service worker stopped
 * after 30 s idle) and in Firefox (an event page stopped after extensions.background.idle.timeout,
 * 30 s by default, a pref that can be lower). A beat well under any of them keeps a long request
 * alive with the popup closed; it costs one message per second, and only while a request runs.
 */
export const KEEP_ALIVE_MS = 1_000;

export function getInFlight(tabId: number): InFlight | undefined {
  return inflight.get(tabId);
}

export function setInFlight(tabId: number, job: InFlight): void {
  inflight.set(tabId, job);
  keepAlive ??= setInterval(() => void browser.runtime.getPlatformInfo(), KEEP_ALIVE_MS);
}

export function clearInFlight(tabId: number, jobId: string): void {
  if (inflight.get(tabId)?.jobId === jobId) inflight.delete(tabId);
  if (inflight.size === 0 && keepAlive) {
    clearInterval(keepAlive);
    keepAlive = undefined;
  }
}
