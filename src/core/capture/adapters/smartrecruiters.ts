// SmartRecruiters job ads (jobs.smartrecruiters.com/<Company>/<id>-<slug>, careers.smartrecruiters.com). Layout checked
// against the public job-ad pages: schema.org microdata (itemtype JobPosting; itemprop="title", "hiringOrganization" >
// "name", "jobLocation") and one section per part of the ad: #st-companyDescription, #st-jobDescription,
// #st-qualifications, #st-additionalInformation (each holding an itemprop="description"-like block).
import type { AdapterCapture, SiteAdapter } from './types';
import { firstText, htmlToText } from './dom';

const SECTION_IDS = ['st-companyDescription', 'st-jobDescription', 'st-qualifications', 'st-additionalInformation'];

export const smartrecruiters: SiteAdapter = {
  name: 'smartrecruiters',
  hosts: /(^|\.)smartrecruiters\.com$/i,
  capture(doc: Document): AdapterCapture | null {
    let parts = SECTION_IDS.map((id) => doc.getElementById(id))
      .filter((el): el is HTMLElement => !!el)
      .map((el) => htmlToText(el));
    if (parts.length === 0)
      parts = Array.from(doc.querySelectorAll('[itemprop="description"]')).map((el) => htmlToText(el));
    const text = parts.filter(Boolean).join('\n');
    if (text.length < 50) return null;
    const location = doc.querySelector('spl-job-location')?.getAttribute('formattedaddress') ?? '';
    return {
      text,
      title: firstText(doc, ['[itemprop="title"]', 'h1.job-title', 'h1']),
      company: firstText(doc, [
        '[itemprop="hiringOrganization"] [itemprop="name"]',
        '[itemprop="hiringOrganization"] meta[itemprop="name"]',
      ]),
      location: location || firstText(doc, ['[itemprop="jobLocation"]', '.job-detail-location']),
    };
  },
};
