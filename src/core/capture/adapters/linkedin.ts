// LinkedIn job postings. Checked on (saved copies of the real pages):
// - guest job view: https://au.linkedin.com/jobs/view/senior-software-engineer-developer-experience-at-heidi-4411867124
//   (.description__text > .show-more-less-html__markup, .top-card-layout__title, .topcard__org-name-link, .topcard__flavor--bullet)
// - guest search with the detail pane open: https://www.linkedin.com/jobs/search (same top card and description
//   inside .details-pane__content; without an open pane the page is a list and holds no posting)
// - logged-in detail pane (search and /jobs/view/ID/): https://www.linkedin.com/jobs/view/3800000001/
//   (#job-details, .job-details-jobs-unified-top-card__job-title, ..__primary-description-container "Company · Place · ...")
// - the 2026 layout, whose class names are hashed: only data-testid, componentkey and ARIA survive, so the description
//   is the [data-testid="expandable-text-box"] inside the "About the job" component (componentkey / data-sdui-component
//   naming AboutTheJob) or below the "About the job" heading; title and company from the top card's h1 and the
//   company link, else from <title> ("Title | Company | LinkedIn").
import type { AdapterCapture, SiteAdapter } from './types';
import { findHeading, firstDescription, firstElement, firstText, htmlToText, inlineText } from './dom';

const DESCRIPTION_SELECTORS = [
  // logged-in detail pane and job view
  '#job-details',
  '.jobs-description-content__text',
  '.jobs-description__content',
  // guest job view and guest search detail pane
  '.description__text .show-more-less-html__markup',
  '.decorated-job-posting__details .show-more-less-html__markup',
  '.description__text',
];

const ABOUT_THE_JOB_RE =
  /^(about the job|à propos de l[’']offre d[’']emploi|info zum job|acerca del empleo|sobre la vaga|over de vacature|informazioni sull[’']offerta di lavoro)$/i;

/** The 2026 layout: stable hooks only (componentkey, data-sdui-component, data-testid, headings). */
function hashedLayoutDescription(doc: Document): string {
  const component = firstElement(doc, [
    '[componentkey*="aboutTheJob"]',
    '[componentkey*="AboutTheJob"]',
    '[data-sdui-component*="aboutTheJob"]',
  ]);
  if (component) {
    const text = firstDescription(component, ['[data-testid="expandable-text-box"]']) || htmlToText(component);
    if (text.length >= 50) return text;
  }
  const heading = findHeading(doc, ABOUT_THE_JOB_RE);
  if (!heading) return '';
  // Climb from the heading to the smallest container that also holds the description.
  for (let el: Element | null = heading.parentElement; el && el !== doc.body; el = el.parentElement) {
    const box = el.querySelector('[data-testid="expandable-text-box"]');
    if (box) return htmlToText(box);
    const text = htmlToText(el);
    if (text.length - inlineText(heading).length >= 200) return text;
  }
  return '';
}

function detailRoot(doc: Document): ParentNode {
  return (
    firstElement(doc, ['.details-pane__content', '.jobs-search__job-details--container', '.job-view-layout', 'main']) ??
    doc
  );
}

/** "Company · Place · 2 days ago · 10 applicants" (logged-in top card). */
function primaryDescription(root: ParentNode): { company: string; location: string } {
  const box = firstElement(root, [
    '.job-details-jobs-unified-top-card__primary-description-container',
    '.job-details-jobs-unified-top-card__primary-description',
    '.jobs-unified-top-card__primary-description',
  ]);
  if (!box) return { company: '', location: '' };
  const parts = inlineText(box)
    .split('·')
    .map((s) => s.trim())
    .filter(Boolean);
  const company = inlineText(box.querySelector('a')) || parts[0] || '';
  return { company, location: parts[1] ?? '' };
}

/** <title>: "Title | Company | LinkedIn" (logged in) or "Company hiring Title in Place | LinkedIn" (guest). */
function titleTag(doc: Document): { title: string; company: string; location: string } {
  const raw = inlineText(doc.querySelector('title')).replace(/^\(\d+\)\s*/, '');
  const hiring = /^(.+?) hiring (.+?) in (.+?) \| LinkedIn$/.exec(raw);
  if (hiring) return { company: hiring[1], title: hiring[2], location: hiring[3] };
  const parts = raw.split(' | ');
  if (parts.length >= 3 && /linkedin/i.test(parts[parts.length - 1]))
    return { title: parts[0], company: parts[1], location: '' };
  return { title: '', company: '', location: '' };
}

function guestLocation(root: ParentNode): string {
  for (const el of Array.from(root.querySelectorAll('.topcard__flavor--bullet'))) {
    if (!/metadata|num-applicants/.test(el.getAttribute('class') ?? '')) return inlineText(el);
  }
  return '';
}

export const linkedin: SiteAdapter = {
  name: 'linkedin',
  hosts: /(^|\.)linkedin\.com$/i,
  capture(doc: Document): AdapterCapture | null {
    const text = firstDescription(doc, DESCRIPTION_SELECTORS) || hashedLayoutDescription(doc);
    if (!text) return null;
    const root = detailRoot(doc);
    const fromTitle = titleTag(doc);
    const top = primaryDescription(root);
    return {
      text,
      title:
        firstText(root, [
          '.job-details-jobs-unified-top-card__job-title',
          '.jobs-unified-top-card__job-title',
          '.top-card-layout__title',
          '.topcard__title',
          'h1',
        ]) || fromTitle.title,
      company:
        firstText(root, [
          '.topcard__org-name-link',
          '.job-details-jobs-unified-top-card__company-name',
          '.jobs-unified-top-card__company-name',
        ]) ||
        top.company ||
        fromTitle.company,
      location: guestLocation(root) || top.location || fromTitle.location,
    };
  },
};
