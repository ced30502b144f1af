// What the view reads about its tab before it shows anything: the tab's URL, the job stored for
// the page it shows, and whether the side panel may extract a new page by itself.
import browser from 'webextension-polyfill';
import { sendMessage, type JobState } from '../shared/messages';
import { readPanelPrefs } from '../shared/panel-prefs';
import { jobIsForPage } from './job-freshness';
import { readStoredJob } from './job-storage';

export function isRunning(job: JobState): boolean {
  return job.status === 'capturing' || job.status === 'extracting';
}

export async function tabUrl(tabId: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(tabId)).url || undefined;
  } catch {
    return undefined;
  }
}

/** The tab's job when it belongs to the page the tab shows now: a running one, or a finished one for its URL. */
export async function readTabJob(tabId: number): Promise<JobState | undefined> {
  try {
    const [url, job] = await Promise.all([tabUrl(tabId), readStoredJob(tabId)]);
    if (!job) return undefined;
    return isRunning(job) || jobIsForPage(job, url) ? job : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A reopened popup shows the tab's finished job straight from storage.session, while the worker
 * confirms it: one storage read instead of a round trip through the worker. A job still running is
 * shown too, with its Cancel: the worker's answer to "extract" only comes when it ends. Only when
 * the tab still shows the job's URL (readable with activeTab or host permission).
 */
export async function readFinishedJob(
  tabId: number,
  selection: boolean,
  finishedOnly: boolean,
): Promise<JobState | undefined> {
  try {
    const [tab, job] = await Promise.all([browser.tabs.get(tabId), readStoredJob(tabId)]);
    if (!job || (finishedOnly && job.status === 'error')) return undefined;
    return jobIsForPage(job, tab.url, selection) ? job : undefined;
  } catch {
    return undefined; // the worker's answer follows anyway
  }
}

/** 'yes': extract by itself; 'ask': the option is on but sending text to a model needs a yes first. */
export async function autoExtractAllowed(): Promise<'yes' | 'ask' | 'off'> {
  try {
    const prefs = await readPanelPrefs(browser.storage.local);
    if (!prefs.autoExtract) return 'off';
    const settings = await sendMessage('get-settings', {});
    const usesModel = settings.provider === 'openai' || (settings.provider === 'auto' && settings.model.trim() !== '');
    return usesModel && !prefs.autoExtractModelAgreed ? 'ask' : 'yes';
  } catch {
    return 'off';
  }
}
