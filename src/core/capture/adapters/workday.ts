// Workday career sites (<tenant>.wd<N>.myworkdayjobs.com). Checked on:
// - https://autodesk.wd1.myworkdayjobs.com/en-US/Ext/job/Montreal-QC-CAN/Senior-Industry-Strategy-Manager---Content-Creation_24WD81528
//   as served before its scripts run: the description is only in the JobPosting JSON-LD (capture takes it from there).
// - the rendered job page: data-automation-id="jobPostingDescription" (description), "jobPostingHeader" (title),
//   "locations" (location); Workday's generated class names are not used.
import type { AdapterCapture, SiteAdapter } from './types';
import { firstDescription, firstText } from './dom';

/** "autodesk.wd1.myworkdayjobs.com" -> "Autodesk" when the page names no company. */
function tenantName(url: string): string {
  try {
    const tenant = new URL(url).hostname.split('.')[0] ?? '';
    return tenant ? tenant[0].toUpperCase() + tenant.slice(1) : '';
  } catch {
    return '';
  }
}

export const workday: SiteAdapter = {
  name: 'workday',
  hosts: /(^|\.)(myworkdayjobs|myworkdaysite|workday)\.com$/i,
  capture(doc: Document, url: string): AdapterCapture | null {
    const text = firstDescription(doc, [
      '[data-automation-id="jobPostingDescription"]',
      '[data-automation-id="job-posting-details"]',
    ]);
    if (!text) return null;
    return {
      text,
      title: firstText(doc, ['[data-automation-id="jobPostingHeader"]', 'h2[data-automation-id]', 'h1']),
      company: tenantName(url),
      location: firstText(doc, ['[data-automation-id="locations"] dd', '[data-automation-id="locations"]']).replace(
        /^locations?\s*/i,
        '',
      ),
    };
  },
};
