// SEEK (au.seek.com, nz.seek.com, seek.com.au, seek.co.nz). Checked on:
// - https://au.seek.com/job/93856863 (data-automation="jobAdDetails" description, "job-detail-title",
//   "advertiser-name", "job-detail-location"); the search page's split view uses the same data-automation hooks.
// SEEK's class names are generated (_1ud99l3...), so only data-automation is used.
import type { AdapterCapture, SiteAdapter } from './types';
import { firstDescription, firstText } from './dom';

export const seek: SiteAdapter = {
  name: 'seek',
  hosts: /(^|\.)seek\.(com|com\.au|co\.nz)$/i,
  capture(doc: Document): AdapterCapture | null {
    const text = firstDescription(doc, ['[data-automation="jobAdDetails"]', '[data-automation="jobDescription"]']);
    if (!text) return null;
    return {
      text,
      title: firstText(doc, ['[data-automation="job-detail-title"]', 'h1']),
      company: firstText(doc, ['[data-automation="advertiser-name"]']),
      location: firstText(doc, ['[data-automation="job-detail-location"]']),
    };
  },
};
