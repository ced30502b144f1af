// Indeed job postings. Checked on (saved copies of the real pages):
// - viewjob: https://au.indeed.com/viewjob?jk=... (#jobDescriptionText; header data-testid="jobsearch-JobInfoHeader-title",
//   "inlineHeader-companyName", "inlineHeader-companyLocation" / "jobsearch-JobInfoHeader-companyLocation")
// - the search page with a job open in the right pane: https://www.indeed.com/q-frontend-l-egypt,-ar-jobs.html
//   (#jobsearch-ViewjobPaneWrapper holds the same header and #jobDescriptionText; without it the page is a list)
// Class names are generated (css-xxxx), so only ids and data-testid are used.
import type { AdapterCapture, SiteAdapter } from './types';
import { firstDescription, firstElement, firstText } from './dom';

export const indeed: SiteAdapter = {
  name: 'indeed',
  hosts: /(^|\.)indeed\.(com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$/i,
  capture(doc: Document): AdapterCapture | null {
    const text = firstDescription(doc, [
      '#jobDescriptionText',
      '[data-testid="jobDescriptionText"]',
      '.jobsearch-JobComponent-description',
    ]);
    if (!text) return null;
    const root =
      firstElement(doc, ['#jobsearch-ViewjobPaneWrapper', '.jobsearch-JobComponent', '[role="main"]']) ?? doc;
    const title = firstText(root, [
      '[data-testid="jobsearch-JobInfoHeader-title"]',
      '[data-testid="simpler-jobTitle"]',
      'h1',
      'h2',
    ]);
    return {
      text,
      // The title carries a screen-reader suffix: "PHP Developer - job post".
      title: title.replace(/\s*-\s*job post$/i, ''),
      company: firstText(root, ['[data-testid="inlineHeader-companyName"]', '[data-company-name="true"]']),
      location: firstText(root, [
        '[data-testid="inlineHeader-companyLocation"]',
        '[data-testid="jobsearch-JobInfoHeader-companyLocation"]',
        '[data-testid="job-location"]',
      ]),
    };
  },
};
