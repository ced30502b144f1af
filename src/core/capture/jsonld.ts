// schema.org JobPosting from <script type="application/ld+json">: the most reliable source where a
// site publishes it (Google for Jobs asks for it). Handles arrays, @graph, nesting, sloppy JSON and
// descriptions that are HTML, escaped HTML or plain text.
import { htmlToMarkedText, htmlToText, LINE_MARKS, stripMarks } from './html-text';
import { linkDensity, MAX_LINK_DENSITY } from './signals';

export interface JsonLdPosting {
  title: string;
  company: string;
  location: string;
  text: string;
  /** The text with its lines marked (see LINE_MARKS): headings, and a hidden heading before each extra field. */
  marked: string;
  url?: string;
}

type Json = unknown;

function parseLooseJson(raw: string): Json {
  const cleaned = raw
    .trim()
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>\s*$/, '')
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .trim();
  if (!cleaned) return undefined;
  try {
    return JSON.parse(cleaned);
  } catch {
    // Raw line breaks and tabs inside strings are the usual fault; outside strings they are white space anyway.
    try {
      return JSON.parse(cleaned.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function isJobPostingType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && /(?:^|[/:])JobPosting$/i.test(t.trim()));
}

function collectJobPostings(node: Json, out: Record<string, unknown>[], depth = 0): void {
  if (depth > 12 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectJobPostings(item, out, depth + 1);
    return;
  }
  const obj = node as Record<string, unknown>;
  if (isJobPostingType(obj['@type'])) {
    out.push(obj);
    return;
  }
  for (const value of Object.values(obj)) collectJobPostings(value, out, depth + 1);
}

/** Every JobPosting object in the page's JSON-LD, in document order. */
export function findJobPostingObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    collectJobPostings(parseLooseJson(script.textContent ?? ''), out);
  }
  return out;
}

function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}

function cleanInline(value: string, doc: Document): string {
  if (!value) return '';
  return htmlToText(value, doc).replace(/\s+/g, ' ').trim();
}

function nameOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(nameOf).find(Boolean) ?? '';
  if (value && typeof value === 'object')
    return str((value as Record<string, unknown>).name) || str((value as Record<string, unknown>).legalName);
  return '';
}

function placeText(place: unknown): string {
  if (typeof place === 'string') return place;
  if (!place || typeof place !== 'object') return '';
  const p = place as Record<string, unknown>;
  const address = p.address;
  if (typeof address === 'string') return address;
  if (address && typeof address === 'object') {
    const a = address as Record<string, unknown>;
    const parts = [str(a.addressLocality), str(a.addressRegion), nameOf(a.addressCountry)]
      .map((s) => s.trim())
      .filter(Boolean);
    const unique = parts.filter((s, i) => parts.findIndex((t) => t.toLowerCase() === s.toLowerCase()) === i);
    if (unique.length) return unique.join(', ');
  }
  return str(p.name);
}

function locationOf(posting: Record<string, unknown>): string {
  const places = Array.isArray(posting.jobLocation)
    ? posting.jobLocation
    : posting.jobLocation
      ? [posting.jobLocation]
      : [];
  const names = places
    .map(placeText)
    .map((s) => s.trim())
    .filter(Boolean);
  const unique = names.filter((s, i) => names.indexOf(s) === i);
  const remote = /TELECOMMUTE/i.test(str(posting.jobLocationType)) ? 'Remote' : '';
  if (unique.length) return [...unique, remote].filter(Boolean).join(' | ');
  const applicant = Array.isArray(posting.applicantLocationRequirements)
    ? posting.applicantLocationRequirements.map(nameOf).filter(Boolean).join(', ')
    : nameOf(posting.applicantLocationRequirements);
  return [remote, applicant].filter(Boolean).join(' - ');
}

/** Fields Google allows beside `description`, each a section of its own when the description does not already hold it. */
const EXTRA_TEXT_FIELDS: [string, string][] = [
  ['responsibilities', 'Responsibilities'],
  ['qualifications', 'Qualifications'],
  ['skills', 'Skills'],
  ['educationRequirements', 'Education requirements'],
  ['experienceRequirements', 'Experience requirements'],
];

/**
 * A field's text: HTML or plain text, a list of them, or the structured values schema.org allows
 * (DefinedTerm names, EducationalOccupationalCredential categories, months of experience).
 */
function fieldText(value: unknown, doc: Document, depth = 0): string {
  if (typeof value === 'string') return htmlToMarkedText(value, doc);
  if (depth > 3 || !value || typeof value !== 'object') return '';
  if (Array.isArray(value))
    return value
      .map((v) => fieldText(v, doc, depth + 1))
      .filter(Boolean)
      .join('\n');
  const o = value as Record<string, unknown>;
  const months =
    typeof o.monthsOfExperience === 'number' ? o.monthsOfExperience : Number(str(o.monthsOfExperience)) || 0;
  const parts = [
    str(o.name),
    str(o.credentialCategory),
    str(o.description),
    months > 0 ? `${months} months of experience` : '',
  ];
  return parts
    .map((p) => cleanInline(p, doc))
    .filter(Boolean)
    .join('\n');
}

function descriptionOf(posting: Record<string, unknown>, doc: Document): string {
  let marked = htmlToMarkedText(str(posting.description), doc);
  let plain = stripMarks(marked);
  for (const [field, heading] of EXTRA_TEXT_FIELDS) {
    const value = fieldText(posting[field], doc);
    const shown = stripMarks(value);
    if (!shown || plain.includes(shown)) continue;
    const section = `${LINE_MARKS.hiddenHeading}${heading}\n${value}`;
    marked = marked ? `${marked}\n${section}` : section;
    plain = plain ? `${plain}\n${shown}` : shown;
  }
  return marked;
}

function samePage(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return (
      x.host.replace(/^www\./, '') === y.host.replace(/^www\./, '') &&
      x.pathname.replace(/\/$/, '') === y.pathname.replace(/\/$/, '')
    );
  } catch {
    return false;
  }
}

/**
 * The page's JobPosting, or null. Several different postings on one page means a list: the one
 * whose url is the page's own wins, otherwise none does (a list is not a posting).
 */
export function readJobPostingJsonLd(doc: Document, pageUrl: string): JsonLdPosting | null {
  const objects = findJobPostingObjects(doc);
  if (objects.length === 0) return null;
  const postings = objects.map((o) => {
    const marked = descriptionOf(o, doc);
    return {
      title: cleanInline(str(o.title) || str(o.name), doc),
      company: cleanInline(nameOf(o.hiringOrganization), doc),
      location: cleanInline(locationOf(o), doc),
      text: stripMarks(marked),
      marked,
      url: str(o.url) || undefined,
    };
  });
  const distinct = postings.filter((p, i) => postings.findIndex((q) => q.title === p.title && q.text === p.text) === i);
  if (distinct.length === 1) return distinct[0];
  return distinct.find((p) => p.url && samePage(p.url, pageUrl)) ?? null;
}

const NOT_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg']);

function collapsed(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Some sites publish only part of the posting in JSON-LD (Greenhouse leaves out the company intro).
 * Find the smallest visible element that shows the JSON-LD text from its first to its last words; when
 * that element holds clearly more (but is not the whole page), its text (lines marked) is the fuller posting.
 */
export function fullerPageText(doc: Document, ldText: string): string | null {
  const flat = collapsed(ldText);
  if (flat.length < 200 || !doc.body) return null;
  const head = flat.slice(0, 60);
  const tail = flat.slice(-60);
  const shows = (el: Element): boolean => {
    const text = collapsed(htmlToText(el));
    return text.includes(head) && text.includes(tail);
  };
  if (!shows(doc.body)) return null;
  let el: Element = doc.body;
  for (;;) {
    let next: Element | null = null;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (NOT_CONTENT.has((child.localName ?? '').toLowerCase())) continue;
      if (shows(child)) {
        next = child;
        break;
      }
    }
    if (!next) break;
    el = next;
  }
  if (el === doc.body || linkDensity(el) > MAX_LINK_DENSITY) return null;
  const marked = htmlToMarkedText(el);
  const ratio = stripMarks(marked).length / ldText.length;
  return ratio > 1.2 && ratio < 3.5 ? marked : null;
}
