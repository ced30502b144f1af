// What tells a job posting apart from other pages. Structured sources (JSON-LD, a site adapter's
// description element) are trusted; generic text (readability, largest block) must also read like a
// posting: long enough, with the vocabulary postings use, and not a bot check.

/** Text a generic strategy found, with what tells a posting from a page of links. */
export interface GenericCapture {
  text: string;
  /** The text with its lines marked (see LINE_MARKS in ./html-text). */
  marked: string;
  /** Share of the text inside links (high for navigation and result lists). */
  linkDensity: number;
  /** Many links spread over the text: a list of results. */
  isList: boolean;
}

/** Words postings use (several languages): requirements, duties, benefits, the role itself. */
const JOB_WORD_RE = new RegExp(
  [
    // English
    'responsibilit(?:y|ies)',
    'requirements?',
    'qualifications?',
    'experience',
    'skills?',
    'degree',
    'bachelor',
    "master'?s",
    'candidate',
    'role',
    'position',
    'you will',
    "you'll",
    'we are looking',
    "we're looking",
    'benefits',
    'salary',
    'full[- ]time',
    'part[- ]time',
    'apply',
    'team',
    'job description',
    'duties',
    'preferred',
    'years of',
    // French, German, Spanish, Italian, Portuguese, Dutch
    'expérience',
    'compétences',
    'poste',
    'profil',
    'missions?',
    'diplôme',
    'candidat',
    'erfahrung',
    'kenntnisse',
    'aufgaben',
    'anforderungen',
    'qualifikation',
    'stelle',
    'experiencia',
    'requisitos',
    'puesto',
    'conocimientos',
    'esperienza',
    'requisiti',
    'competenze',
    'experiência',
    'vaga',
    'ervaring',
    'vaardigheden',
    'functie',
    'vacature',
    // Polish, Swedish, Danish/Norwegian, Japanese, Chinese, Korean
    'doświadczenie',
    'wymagania',
    'obowiązki',
    'umiejętności',
    'erfarenhet',
    'arbetsuppgifter',
    'kompetens',
    'erfaring',
    'arbeidsoppgaver',
    'kvalifikasjoner',
    '経験',
    '必須',
    '歓迎',
    '業務内容',
    '応募資格',
    'スキル',
    '经验',
    '要求',
    '职责',
    '岗位',
    '경력',
    '자격',
    '우대',
  ].join('|'),
  'giu',
);

/** Distinct job words found in the text. */
export function jobWordCount(text: string): number {
  const found = new Set<string>();
  for (const m of text.toLowerCase().matchAll(JOB_WORD_RE)) found.add(m[0]);
  return found.size;
}

export const MIN_POSTING_CHARS = 300;
export const MIN_SELECTION_CHARS = 40;

/** Generic text that reads like a job posting (used for readability and largest-block results). */
export function readsLikePosting(text: string): boolean {
  return textWeight(text) >= MIN_POSTING_CHARS && jobWordCount(text) >= 3;
}

/** Length in Latin-script characters: a Chinese, Japanese or Korean character says about as much as three. */
export function textWeight(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  return text.length + 2 * cjk;
}

const BOT_CHECK_RE =
  /captcha|verify (?:that )?you are (?:a )?human|are you a (?:human|robot)|not a robot|unusual traffic|security check|checking (?:if the site connection is secure|your browser)|just a moment\.\.\.|access denied|attention required|request unsuccessful|press (?:and|&) hold|bot detection|please enable (?:javascript|js) and cookies/i;

/**
 * A bot check / captcha interstitial: a title that asks the visitor to prove they are human, or a
 * short page that says so or shows a captcha widget and does not read like a posting (a posting's
 * apply form may carry a captcha too).
 */
export function looksLikeBotCheck(doc: Document, bodyText: string): boolean {
  const title = doc.querySelector('title')?.textContent ?? '';
  if (BOT_CHECK_RE.test(title)) return true;
  if (bodyText.length >= 3000 || jobWordCount(bodyText) >= 3) return false;
  if (BOT_CHECK_RE.test(bodyText)) return true;
  return !!doc.querySelector(
    '.g-recaptcha, .h-captcha, #challenge-form, #cf-challenge-running, [data-sitekey], iframe[src*="captcha"], #px-captcha',
  );
}

/** Above this share of linked text an element is navigation or a result list, not a posting. */
export const MAX_LINK_DENSITY = 0.35;

/** Share of an element's text that sits inside links: navigation and result lists are mostly links. */
export function linkDensity(el: Element): number {
  const total = (el.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return 1;
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked / total;
}

/**
 * A list of results rather than one posting: many links, densely spread over the text (job cards,
 * "similar jobs"). A posting links at most to a few pages (the company, benefits, the privacy notice).
 */
export function looksLikeList(el: Element, text: string): boolean {
  const links = el.querySelectorAll('a[href]').length;
  return links >= 10 && links / Math.max(1, text.length / 1000) >= 3;
}
