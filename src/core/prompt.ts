// The inference prompt, built exactly like the training prompts: the posting text on one line
// (white space collapsed), then the separator once. Chat models get a system message that defines
// the task instead; the same message is used when converting the dataset for chat fine-tuning.
import { splitSentences } from './sentences';
import { DEFAULT_SEPARATOR, DEFAULT_STOP } from './settings';

export const SEPARATOR = DEFAULT_SEPARATOR;
export const STOP = DEFAULT_STOP;

/** Collapse every run of white space (including NBSP and line breaks) to one space and trim. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Make `marker` (the separator's or the stop word's visible core, e.g. `###` or `END`) impossible
 * to read in the text, changing as little as possible:
 * - a marker made of one repeated symbol (`###`, `---`): every run at least that long is shortened
 *   to one symbol less than the marker (`###` and `#####` -> `##`), so `C#` and `#1` are untouched;
 * - a word (`END`): the whole word, matched case-sensitively as the API's stop matching is, is
 *   lower-cased (`END` -> `end`); `ENDorse`, `End`, `end` are untouched. Values are lower-cased in
 *   the training data anyway, so the model loses nothing. A stop word that is already lower case
 *   cannot be told apart from prose and is left alone.
 * - anything else: a space is put after its first character.
 */
function neutralize(text: string, marker: string): string {
  if (!marker) return text;
  const chars = [...marker];
  if (chars.every((c) => c === chars[0]) && !/[\p{L}\p{N}]/u.test(chars[0])) {
    if (chars.length < 2) return text;
    const run = new RegExp(`${escapeRegExp(chars[0])}{${chars.length},}`, 'gu');
    return text.replace(run, chars[0].repeat(chars.length - 1));
  }
  if (/^[\p{L}\p{N}_]+$/u.test(marker)) {
    if (marker.toLowerCase() === marker) return text;
    const word = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(marker)}(?![\\p{L}\\p{N}_])`, 'gu');
    return text.replace(word, marker.toLowerCase());
  }
  return text.split(marker).join(`${chars[0]} ${chars.slice(1).join('')}`);
}

export interface PromptOptions {
  separator?: string;
  stop?: string;
  trimBoilerplate?: boolean;
}

/**
 * The posting text as the model should read it, without the separator: one line, boilerplate
 * optionally trimmed, separator and stop word neutralised. Also the user message in chat mode.
 */
export function preparePromptText(text: string, opts: PromptOptions = {}): string {
  const separator = opts.separator ?? SEPARATOR;
  const stop = opts.stop ?? STOP;
  let body = text.endsWith(separator) ? text.slice(0, -separator.length) : text;
  // Trim before collapsing white space: line breaks keep labels such as "Apply now" on their own.
  if (opts.trimBoilerplate) body = trimBoilerplate(body).text;
  body = normalizeText(body);
  // An already-built prompt normalizes to "... ###": drop that trailing separator too.
  const sepCore = normalizeText(separator);
  if (
    sepCore &&
    body.endsWith(sepCore) &&
    (body.length === sepCore.length || body[body.length - sepCore.length - 1] === ' ')
  ) {
    body = body.slice(0, -sepCore.length).trimEnd();
  }
  body = neutralize(body, sepCore);
  body = neutralize(body, normalizeText(stop));
  return body;
}

/** The completion-mode prompt: prepared text + separator. Idempotent. */
export function buildPrompt(text: string, opts: PromptOptions = {}): string {
  return preparePromptText(text, opts) + (opts.separator ?? SEPARATOR);
}

export const CHAT_SYSTEM_PROMPT = [
  'You extract entities from the qualifications text of a job posting. Entity types:',
  "- diploma: the degree or diploma asked for (e.g. bs, ba, ms, mba, phd, bachelor's degree, high school diploma).",
  '- diploma_major: the field of study of that degree (e.g. computer science, mechanical engineering).',
  '- experience: an amount of experience (e.g. 3 + years, 5 - 7 years, 10 + years).',
  '- skills: skills, technologies, tools and abilities asked for (e.g. python, c #, project management).',
  'Copy values from the text, lower-cased, in the order they appear; a value may repeat. Write the values as the',
  'training data does: tokens separated by single spaces, punctuation as separate tokens (5+ years -> 5 + years,',
  'C# -> c #, Objective-C -> objective - c).',
  'Answer format (default): one line per entity type that has values, each a Python list literal, then END, e.g.',
  "diploma:['bs']",
  "diploma_major:['computer science']",
  "experience:['2 + years']",
  "skills:['python', 'c #']",
  'END',
  'When the text holds no entity, answer exactly: no entity',
  'A JSON object {"diploma": [...], "diploma_major": [...], "experience": [...], "skills": [...]} is also accepted.',
  'Answer with nothing else.',
].join('\n');

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export function buildChatMessages(text: string, opts: { trimBoilerplate?: boolean } = {}): ChatMessage[] {
  return [
    { role: 'system', content: CHAT_SYSTEM_PROMPT },
    { role: 'user', content: preparePromptText(text, { trimBoilerplate: opts.trimBoilerplate }) },
  ];
}

// --- Boilerplate --------------------------------------------------------------------------------

/**
 * Sentences that are never about the job's requirements. Keep patterns specific. `maxWords`
 * marks button and link labels ("Apply now", "Accept all"): they are removed only as a short
 * segment of their own, so a label run into a real sentence (flattened text without punctuation)
 * keeps the sentence.
 */
export const BOILERPLATE_PATTERNS: { name: string; pattern: RegExp; maxWords?: number }[] = [
  {
    name: 'equal opportunity',
    pattern:
      /\bequal (?:employment )?opportunit(?:y|ies)\b|\baffirmative action\b|without regard to\b|regardless of (?:race|age|gender|sex|religion|their)|\b(?:race|color|colour),? (?:religion|creed|national origin)|\bsexual orientation\b|\bgender identity\b|\bprotected (?:veteran|class|characteristic)|\bE-Verify\b|\bdiscriminat(?:e|ion|ory)\b|\bdiversity,? equity\b|\bfair chance\b|\barrest (?:and|or) conviction records?\b/i,
  },
  {
    name: 'accommodation',
    pattern:
      /\breasonable accommodations?\b|\baccommodations? (?:during|in|for) the (?:application|recruiting|hiring|interview)/i,
  },
  {
    name: 'apply now',
    pattern:
      /\b(?:apply now|apply today|click (?:on )?(?:the )?(?:"?apply"?|here)|submit (?:your|an) (?:application|resume|cv)|how to apply)\b/i,
  },
  {
    name: 'job board links',
    pattern:
      /^(?:easy apply|apply|apply for this job|share(?: this job)?|save(?: this)? job|report(?: this)? job|back to (?:all )?jobs|view all (?:jobs|openings)|similar jobs|see more jobs|get (?:job alerts|notified)|job alert|sign in|log in|show more|show less|see more|see less)\W*$/i,
    maxWords: 6,
  },
  {
    name: 'cookies',
    pattern:
      /\bcookies?\b.*\b(?:use|uses|accept|consent|settings|preferences|policy)\b|\b(?:we|this (?:site|website)|our (?:site|website)) uses? cookies\b|\bprivacy (?:policy|notice|statement)\b|\bterms of (?:use|service)\b|©|\ball rights reserved\b/i,
  },
  {
    name: 'cookie buttons',
    pattern:
      /^(?:accept(?: all)?(?: cookies)?|reject(?: all)?(?: cookies)?|decline|manage (?:cookies|preferences)|cookie settings|got it|ok)\W*$/i,
    maxWords: 6,
  },
  {
    name: 'recruiting agencies',
    pattern:
      /\bunsolicited (?:resumes?|cvs?|candidates|applications)\b|\b(?:recruitment|staffing|search) (?:agencies|agency|firms?)\b|\bno agencies\b|\bthird[- ]party recruiters?\b/i,
  },
  {
    name: 'scam warning',
    pattern:
      /\b(?:never|not|will not|won't) (?:ask|request) (?:you )?(?:for )?(?:money|payment|bank)|\bphishing\b|\bfraudulent (?:job|recruit|offers?)/i,
  },
];

function isBoilerplate(sentence: string): boolean {
  const words = sentence.split(/\s+/).length;
  return BOILERPLATE_PATTERNS.some(
    (b) => (b.maxWords === undefined || words <= b.maxWords) && b.pattern.test(sentence),
  );
}

/**
 * Words that mark a sentence as bearing qualifications: such a sentence is always kept, even when
 * it also matches a boilerplate pattern ("5+ years of experience ... apply now").
 */
export const QUALIFICATION_GUARD =
  /\b\d+\s*\+?\s*(?:-|to|–)?\s*\d*\s*\+?\s*(?:years?|yrs?|months?)\b|(?<!\b(?:your|our|browsing|best|site|user) )\bexperience\b|\b(?:experienced|bachelor'?s?|masters?|master'?s|ph\.?\s?d|mba|b\.?s\.?c?|b\.?a\.?|m\.?s\.?c?|degree|diploma|certifi(?:ed|cate|cation)|licen[cs]ed?|proficien(?:t|cy)|knowledge of|familiar(?:ity)? with|skills?|abilit(?:y|ies)|expertise|qualifications?|requirements?|required|preferred|must have|fluent|fluency)\b|\b(?:python|java|javascript|typescript|sql|c\+\+|c#|aws|azure|gcp|linux|excel|react|node)\b/i;

/**
 * Remove boilerplate sentences (equal-opportunity statements, "apply now", cookie banners,
 * agency notices). A sentence is removed only when it matches a boilerplate pattern AND contains
 * no qualification word; everything else is kept verbatim, in order.
 */
export function trimBoilerplate(text: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  const kept: string[] = [];
  for (const seg of splitSentences(text)) {
    const s = seg.text.trim();
    if (s && isBoilerplate(s) && !QUALIFICATION_GUARD.test(s)) removed.push(s);
    else kept.push(seg.text);
  }
  if (removed.length === 0) return { text, removed };
  return { text: kept.join('').trim(), removed };
}
