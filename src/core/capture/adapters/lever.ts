// Lever-hosted postings. Checked on the layout of https://jobs.lever.co/<company>/<posting id> as served
// (and rendered from the postings API, https://api.lever.co/v0/postings/leverdemo: description, lists[], additional):
// .posting-page > .posting-header (.posting-headline h2, .posting-categories .location / .department / .commitment)
// then .section-wrapper > .section[data-qa="job-description"], one .section per list (h3 + ul.posting-requirements),
// .section[data-qa="closing-description"], and a last .section with the apply button (not part of the description).
import type { AdapterCapture, SiteAdapter } from './types';
import { firstText, htmlToText, inlineText } from './dom';

function isApplySection(section: Element): boolean {
  const cls = section.getAttribute('class') ?? '';
  if (/last-section-apply/.test(cls) || /btn-apply/.test(section.getAttribute('data-qa') ?? '')) return true;
  const text = inlineText(section);
  return text.length < 60 && /apply/i.test(text);
}

/** "Company - Title" */
function companyFromTitleTag(doc: Document, title: string): string {
  const raw = inlineText(doc.querySelector('title'));
  const suffix = title ? ` - ${title}` : '';
  if (suffix && raw.endsWith(suffix)) return raw.slice(0, -suffix.length);
  return raw.includes(' - ') ? raw.split(' - ')[0] : '';
}

export const lever: SiteAdapter = {
  name: 'lever',
  hosts: /(^|\.)lever\.co$/i,
  capture(doc: Document): AdapterCapture | null {
    const page = doc.querySelector('.posting-page') ?? doc;
    let sections = Array.from(
      page.querySelectorAll('.section-wrapper .section, [data-qa="job-description"], [data-qa="closing-description"]'),
    );
    sections = sections.filter((s, i) => !sections.some((o, j) => j !== i && o.contains(s)) && !isApplySection(s));
    const text = sections
      .map((s) => htmlToText(s))
      .filter(Boolean)
      .join('\n');
    if (text.length < 50) return null;
    const title = firstText(page, ['.posting-headline h2', '.posting-header h2', 'h2']);
    const location = firstText(page, [
      '.posting-categories .location',
      '.posting-category.location',
      '[data-qa="posting-location"]',
    ]);
    return { text, title, company: companyFromTitleTag(doc, title), location };
  },
};
