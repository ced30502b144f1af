// Greenhouse-hosted job boards. Checked on:
// - legacy board: https://boards.greenhouse.io/anthropic/jobs/4182383008 (#app_body: h1.app-title, .company-name "at X",
//   .location, description in #content; the application form #application follows and is not part of it)
// - current board (2024 on): https://job-boards.greenhouse.io/<board>/jobs/<id> (.job__title h1, .job__location,
//   description in .job__description; the form is #application-form)
// Both also publish JobPosting JSON-LD on most boards, which capture tries first.
import type { AdapterCapture, SiteAdapter } from './types';
import { firstDescription, firstText, inlineText } from './dom';

/** "Job Application for Title at Company" */
function fromTitleTag(doc: Document): { title: string; company: string } {
  const m = /^Job Application for (.+) at (.+)$/.exec(inlineText(doc.querySelector('title')));
  return m ? { title: m[1], company: m[2] } : { title: '', company: '' };
}

export const greenhouse: SiteAdapter = {
  name: 'greenhouse',
  hosts: /(^|\.)greenhouse\.io$/i,
  capture(doc: Document): AdapterCapture | null {
    const text = firstDescription(doc, [
      '.job__description',
      '#app_body #content',
      '#content',
      '[data-testid="job-description"]',
    ]);
    if (!text) return null;
    const tag = fromTitleTag(doc);
    return {
      text,
      title: firstText(doc, ['.job__title h1', 'h1.app-title', '.app-title', 'h1']) || tag.title,
      company: firstText(doc, ['#header .company-name', '.company-name']).replace(/^at\s+/i, '') || tag.company,
      location: firstText(doc, ['.job__location', '#header .location', '.location']),
    };
  },
};
