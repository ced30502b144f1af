// Ashby-hosted job boards (jobs.ashbyhq.com/<org>/<posting id>). Layout checked against the public board pages:
// - rendered: the ashby-job-posting-* class names Ashby documents for custom board styling
//   (.ashby-job-posting-heading title, .ashby-job-posting-brief-list details, the description in the right pane);
// - served before scripts run: the posting sits in the `window.__appData = {...}` data script (posting.title,
//   posting.descriptionHtml, posting.locationName, organization.name). It is read as JSON, never run.
// Most boards also publish JobPosting JSON-LD, which capture tries first.
import type { AdapterCapture, SiteAdapter } from './types';
import { firstDescription, firstText, htmlToText } from './dom';

interface AppData {
  organization?: { name?: string };
  posting?: { title?: string; descriptionHtml?: string; descriptionPlainText?: string; locationName?: string };
}

function readAppData(doc: Document): AppData | null {
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    const src = script.textContent ?? '';
    const at = src.indexOf('__appData');
    if (at < 0) continue;
    const start = src.indexOf('{', at);
    const end = src.lastIndexOf('}');
    if (start < 0 || end <= start) continue;
    try {
      return JSON.parse(src.slice(start, end + 1)) as AppData;
    } catch {
      continue;
    }
  }
  return null;
}

export const ashby: SiteAdapter = {
  name: 'ashby',
  hosts: /(^|\.)ashbyhq\.com$/i,
  capture(doc: Document): AdapterCapture | null {
    const rendered = firstDescription(doc, [
      '.ashby-job-posting-right-pane [class*="descriptionText"]',
      '[class*="_descriptionText_"]',
      '.ashby-job-posting-right-pane #overview',
      '.ashby-job-posting-right-pane',
    ]);
    const data = readAppData(doc);
    const posting = data?.posting;
    const text =
      rendered ||
      (posting?.descriptionHtml ? htmlToText(posting.descriptionHtml, doc) : (posting?.descriptionPlainText ?? ''));
    if (!text) return null;
    return {
      text,
      title: firstText(doc, ['.ashby-job-posting-heading', 'h1']) || posting?.title || '',
      company: data?.organization?.name ?? '',
      location: posting?.locationName ?? '',
    };
  },
};
