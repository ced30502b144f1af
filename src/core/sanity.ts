// Type sanity for extracted values, whatever produced them. A whole posting carries pay, places,
// benefits, the employer's name and plenty of ordinary words; a tagger (or a model fine-tuned on
// requirement snippets) that never saw such text labels some of it. These checks are general
// (word lists of places, currencies, dates, benefits, generic words and degree names), never
// tuned to a page. Values may be in the annotator's token form (`go )`, `ph . d.`) or plain.
import { ENTITY_TYPES, type EntityType } from './entities';

const list = (s: string): Set<string> => new Set(s.trim().split(/\s*,\s*/));

/** Degree words in English, French, German, Spanish and Portuguese (dots removed, lower case). */
const DEGREE_WORDS =
  list(`bachelor, bachelors, baccalaureate, master, masters, ba, bs, bsc, ma, ms, msc, mba, phd, dphil, doctorate, doctoral, associate, associates,
  aas, bba, bfa, mfa, beng, meng, btech, mtech, bscs, mscs, bsee, msee, bsn, msn, jd, md, llb, llm, edd, mpa, mph, mps, bcom, mcom,
  degree, degrees, diploma, diplomas, college, university, ged, undergraduate, graduate, postgraduate, post-graduate,
  baccalauréat, bac, licence, maîtrise, maitrise, doctorat, diplôme, diplome, ingénieur, ingenieur, dut, bts,
  abitur, bachelorabschluss, masterabschluss, diplom, hochschulabschluss, studium, fachhochschulreife, ausbildung,
  grado, licenciatura, licenciado, máster, maestría, maestria, doctorado, título, titulo, bachillerato, diplomatura, ingeniería,
  bacharelado, bacharel, licenciatura, mestrado, doutorado, graduação, graduacao, pós-graduação, diplomado`);
/** Two-word degree names. */
const DEGREE_PHRASES = [
  'high school',
  'secondary school',
  'a level',
  'a levels',
  'ensino médio',
  'ensino superior',
  'título universitario',
  'école d',
  'grande école',
];

/** Places: countries, regions, large cities and demonyms that are not also language names. */
const PLACES =
  list(`us, usa, u.s, u.s.a, uk, u.k, united states, united kingdom, america, north america, south america, latin america, latam, emea, apac, americas, europe, asia, africa, oceania, middle east, eu,
  canada, mexico, brazil, argentina, chile, colombia, peru, ireland, england, scotland, wales, france, germany, spain, portugal, italy, netherlands, belgium, switzerland, austria, sweden, norway, denmark, finland, poland, czechia, romania, greece, turkey, israel, egypt, nigeria, kenya, south africa, india, pakistan, china, japan, korea, singapore, malaysia, indonesia, philippines, vietnam, thailand, australia, new zealand, uae, dubai, saudi arabia, qatar,
  new york, nyc, san francisco, sf, bay area, silicon valley, los angeles, seattle, boston, chicago, austin, denver, atlanta, miami, dallas, houston, washington, dc, philadelphia, portland, san diego, san jose, mountain view, palo alto, menlo park, sunnyvale, jonesboro, toronto, vancouver, montreal, montréal, ottawa, calgary,
  london, manchester, dublin, paris, lyon, berlin, munich, hamburg, amsterdam, brussels, zurich, geneva, madrid, barcelona, lisbon, milan, rome, stockholm, copenhagen, oslo, helsinki, warsaw, prague, vienna,
  sydney, melbourne, brisbane, perth, adelaide, auckland, bangalore, bengaluru, mumbai, delhi, new delhi, hyderabad, pune, chennai, tokyo, shanghai, beijing, hong kong, seoul, tel aviv, sao paulo, são paulo, mexico city, bogota, buenos aires,
  ca, ny, nj, tx, fl, il, ga, nc, va, az, california, texas, florida, arkansas, massachusetts, illinois, colorado, georgia, virginia, ohio, michigan, oregon, arizona, nevada, utah, ontario, quebec, québec, british columbia, victoria, new south wales, queensland,
  american, australian, canadian, british, european, asian, african, indian, mexican, brazilian, californian, remote, on-site, onsite, hybrid, worldwide, globally, nationwide`);

/** Benefits and pay, as single words or phrases (any of them in a value makes it no requirement). */
const BENEFITS =
  list(`pto, paid time off, vacation, holidays, dental, vision insurance, health insurance, life insurance, medical insurance, dental insurance, 401k, 401(k), pension, pensions, parental leave, maternity, paternity, sick days, sick leave, annual leave, paid leave,
  stipend, stipends, stock options, rsu, rsus, salary, salaries, per annum, per hour, perks, wellness, gym, commuting, commuter, lunches, snacks, meals, relocation, visa sponsorship, flexible hours, flexible working, work from home, wfh, unlimited pto, time off, free lunch`);
/**
 * Benefit words that are also fields of work (`insurance claims`, `stock management`, `equity
 * research`, `compensation analysis`, `benefits administration`): a benefit only as the whole value.
 */
const BENEFITS_ALONE = list(
  `insurance, healthcare, health care, medical, equity, stock, shares, compensation, benefits, bonus, bonuses, pay, wage, wages, allowance, reimbursement, leave, holiday, sponsorship, vision`,
);

/** Currency signs, and currency codes (`USD` is also Microsoft's Unified Service Desk to the annotator: codes count only in strict mode). */
const CURRENCY_SIGN = /[$€£¥₹]|\b(k\/yr|per annum|p\.a)\b/i;
const CURRENCY_CODE = /\b(usd|eur|gbp|aud|cad|nzd|inr|chf|jpy|sgd)\b/i;
const DATE =
  /\b(january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|^\W*(19|20)\d\d\W*$|\b(19|20)\d\d\s*[-–]\s*(19|20)\d\d\b/i;

/** Stop words: never a value on their own, trimmed from a value's ends. */
const STOP =
  list(`a, an, the, and, or, nor, but, of, in, on, at, to, for, from, by, with, without, as, into, onto, via, per, than, then, so, such, such as, including, include, includes, like, e.g, e.g., i.e, i.e., etc, etc., vs, and/or,
  is, are, be, been, being, was, were, will, would, can, could, should, must, may, might, shall, do, does, did, have, has, had, having, get, gets,
  i, you, your, yours, we, our, ours, us, they, their, them, its, he, she, his, her, this, that, these, those, who, whom, which, what, where, when, why, how, all, any, some, each, every, both, either, neither, other, others, more, most, less, least, very, also, too, just, only, not, well, up, out, about, over, under, across, within, between, through, while, if`);

/**
 * Words that are never a skill on their own: generic verbs, adjectives and nouns of postings
 * ("making", "collaborate", "dynamic", "product", "industry"). A phrase made only of these (and
 * stop words) is dropped too; a phrase with one real word ("people management") stays.
 */
const VERBS = list(
  `make, making, made, build, building, builds, built, maintain, maintaining, develop, developing, develops, create, creating, drive, manage, manages, support, supporting, implement, implementing, improve, improving, fix, fixing, execute, executing, grow, growing, assess, assessing, evaluate, evaluating, collaborate, collaborating, communicate, interact, interacting, operate, operating, deliver, delivering, define, defining, ensure, ensuring, help, helping, work, working, works, use, using, apply, applying, identify, identifying, lead, leading, own, owning, shape, partner, partnering, influence, mitigate, innovate, represent, engage, engaging, enable, enabling, learn, learning, doing, selection, processing, analyzing, analysing, interpreting, writing, creating, contribute, contributing, provide, providing, bring, bringing, join, joining, serve, serving, thrive, looking, seeking, solve, solving, hire, hiring, grow, scale, scaling, balancing, participate, articulate, consider, handle, handling, achieve, exceed, meet, set, run, running, ship, shipping, take, taking, understand, understanding, want, need, love, enjoy, care, trust, believe, commenting, loved, loving`,
);
const ADJECTIVES = list(
  `dynamic, collaborative, beneficial, impactful, innovative, strategic, strategically, high, low, operational, creative, direct, online, open-minded, caring, honest, intelligent, nimble, transformative, potential, strong, excellent, exceptional, proven, passionate, motivated, driven, proactive, fast-paced, global, international, senior, junior, new, modern, great, good, best, top, key, core, critical, complex, large, small, big, various, multiple, relevant, related, equivalent, preferred, required, plus, bonus, ideal, successful, effective, efficient, independent, interdisciplinary, cross-functional, next-generation, next - generation, high-growth, high - growth, fast-growing, world-class, cutting-edge, early-stage, entry-level, full-time, part-time, hands-on, hands - on, day-to-day, end-to-end, real-time, secure, safe, steady, reliable, robust, usable, technical, non-technical, professional, personal, daily, annual, internal, external, social, digital, visual, general, overall, open, free, quick, fast`,
);
const NOUNS = list(
  `product, products, people, person, industry, business, businesses, team, teams, company, companies, customer, customers, client, clients, user, users, impact, growth, vision, direction, services, service, processes, process, policies, policy, standards, standard, program, programs, network, opportunity, opportunities, role, roles, position, positions, environment, environments, culture, mission, values, value, world, future, idea, ideas, tools, tool, system, systems, solution, solutions, thing, things, stakeholders, leaders, leadership team, executives, engineers, architects, developers, designers, managers, product managers, software engineers, analysts, partners, members, member, colleagues, employees, candidates, candidate, applicants, staff, organization, organizations, organisation, department, office, offices, site, website, platform, platforms, technology, technologies, engineering, projects, project, tasks, task, work, job, jobs, career, careers, level, levels, part, parts, way, ways, time, times, day, days, year, years, month, months, week, weeks, hours, number, numbers, lots, range, variety, area, areas, field, fields, space, stage, phase, side, point, points, end, edge, goal, goals, result, results, outcome, outcomes, success, quality, excellence, passion, drive, ability, abilities, capability, capabilities, mindset, attitude, experience, experiences, skills, skill, knowledge, expertise, background, understanding, familiarity, proficiency, responsibilities, responsibility, requirements, requirement, qualifications, qualification, duties, needs, insights, trends, market, markets, brand, community, events, event, conferences, mentorship, feedback, perspectives, backgrounds, diversity, inclusion, belonging, equity, integrity, initiative, ownership, energy, urgency, creativity, curiosity, judgment, judgement, flexibility, accuracy, detail, details, data, information, content, research, strategy, strategies, management, operations, support, design, development, implementation, optimization, analysis, planning, marketing, sales, finance, accounting, security, performance, reliability, infrastructure, software, hardware, cloud, web, mobile, ai, ml`,
);
const GENERIC = new Set([...VERBS, ...ADJECTIVES, ...NOUNS]);

/**
 * Common words that are still a field of work on their own (`marketing`, `design`, `accounting`):
 * a bare one stays a skill, though it is listed among the generic nouns above for phrases.
 */
const FIELDS = list(
  `research, strategy, management, operations, support, design, development, implementation, optimization, analysis, planning, marketing, sales, finance, accounting, security, performance, reliability, infrastructure, software, hardware, cloud, engineering, automation, testing, networking`,
);

/** Second halves of hyphenated adjectives (`next-generation`, `design-oriented`, `self-starter`): such a compound alone is no skill. */
const COMPOUND_ADJECTIVE_HEADS = list(
  `oriented, minded, heavy, generation, starter, volume, driven, based, focused, level, quality, grade, growth, paced, facing, friendly, centric, impact, class, market, scale, speed, led, owned, first, time, term, edge, stage, wide, ready, savvy, motivated`,
);
/** Pronouns: a value holding one is a piece of a sentence, not a skill (`and you've`, `loving it`). */
const PRONOUNS = list(
  `you, you've, you're, you'll, your, yours, we, we're, we've, our, ours, they, their, i, i'm, me, my, he, she, him, her, them`,
);

/** Words that say a value is about the posting, or names a school (`BS in CS, Université X`), not a field of study. */
const NOT_A_FIELD = list(
  `services, service, remote, team, teams, role, position, company, office, experience, years, year, equivalent, related, relevant, field, fields, area, areas, discipline, similar, other, degree, technical recruiting, recruiting, industry, program, university, universities, université, universität, universidad, universidade, università, universiteit, universitet, college, institute, institut, instituto, école, ecole, hochschule, polytechnic`,
);

export interface SanityContext {
  /** The employer's name (posting.company): never a skill, major or degree. */
  company?: string;
  /**
   * false for a model's answers: only what is never an entity of the type is dropped (a diploma
   * without a degree word; a place, pay, a benefit, a date or the employer as a skill or major;
   * pieces of sentences), while generic and stop words stay, because a model fine-tuned on the
   * annotator's labels answers `managing` or `design` on purpose. Default true.
   */
  strict?: boolean;
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
/** Punctuation that never starts or ends a value (`+` and `#` end `c++` and `c#`; `.` starts `.net`). */
const STRAY_EDGE = /^[,;:!?\-–—•*·|/\\'"“”‘’…]$/u;

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/**
 * Trims unbalanced brackets, stray punctuation and stop words from a value's ends:
 * `go )` -> `go`, `( sdlc` -> `sdlc`, `Go)` -> `Go`, `and python ,` -> `python`. Dotted
 * abbreviations keep their final dot (`ph . d.`, `B.S.`).
 */
export function trimValue(value: string): string {
  let s = value.trim().replace(/\s+/gu, ' ');
  for (let guard = 0; guard < 32 && s; guard++) {
    const before = s;
    const first = s[0];
    const last = s[s.length - 1];
    if (Object.hasOwn(OPENERS, first) && count(s, first) > count(s, OPENERS[first])) s = s.slice(1).trim();
    else if (Object.hasOwn(CLOSERS, last) && count(s, last) > count(s, CLOSERS[last])) s = s.slice(0, -1).trim();
    else if (STRAY_EDGE.test(first) && !/^-\d/.test(s)) s = s.slice(1).trim();
    else if (STRAY_EDGE.test(last)) s = s.slice(0, -1).trim();
    else if (first === '.' && !/^\.\p{L}/u.test(s)) s = s.slice(1).trim();
    else if (last === '.' && !/(^|[\s.])\p{L}{1,2}\.$/u.test(s) && !/\betc\.$/i.test(s)) s = s.slice(0, -1).trim();
    else {
      const words = s.split(' ');
      if (words.length > 1 && STOP.has(words[0].toLowerCase())) s = words.slice(1).join(' ');
      else if (words.length > 1 && STOP.has(words[words.length - 1].toLowerCase())) s = words.slice(0, -1).join(' ');
    }
    if (s === before) break;
  }
  return s;
}

/** Lower-cased words of a value, dots inside abbreviations removed (`ph . d.` -> `phd`, `B.S.` -> `bs`). */
function words(value: string): string[] {
  const s = value
    .toLowerCase()
    .replace(/\s*\.\s*(?=\p{L}\.|\p{L}\b)/gu, '.')
    .replace(/(\p{L})\.(?=\p{L})/gu, '$1')
    .replace(/\.(?=\s|$)/g, '');
  return s
    .split(/[^\p{L}\p{N}+#.-]+/u)
    .map((w) => w.replace(/^[.-]+|[.-]+$/g, ''))
    .filter(Boolean);
}

/** Multi-word entries of a word list, computed once per list (the lists are checked for every value). */
const multiWord = new WeakMap<Set<string>, string[]>();
function phrasesOf(set: Set<string>): string[] {
  let m = multiWord.get(set);
  if (!m) multiWord.set(set, (m = [...set].filter((p) => p.includes(' '))));
  return m;
}

function hasPhrase(value: string, phrases: Set<string>): boolean {
  const ws = words(value);
  if (ws.some((w) => phrases.has(w))) return true;
  const lower = ` ${ws.join(' ')} `;
  return phrasesOf(phrases).some((p) => lower.includes(` ${p} `));
}

/** True when the value names a degree (bachelor, BS, Ph.D., diploma, baccalauréat, high school...). */
export function hasDegreeWord(value: string): boolean {
  const ws = words(value).flatMap((w) => [w, ...w.split('-')]);
  if (ws.some((w) => DEGREE_WORDS.has(w) || DEGREE_WORDS.has(w.replace(/['’]s$/u, '')))) return true;
  const lower = ` ${ws.join(' ')} `;
  return DEGREE_PHRASES.some((p) => lower.includes(` ${p} `));
}

/** True when every word of the value is a place (`san francisco`, `ca & bangalore`, `uk`). */
export function isPlace(value: string): boolean {
  const ws = words(value).filter((w) => PLACES.has(w) || (!STOP.has(w) && w !== '&'));
  if (ws.length === 0) return false;
  const joined = ws.join(' ');
  if (PLACES.has(joined)) return true;
  // Multi-word places first (`san francisco`), then the remaining single words.
  let rest = ` ${joined} `;
  for (const p of phrasesOf(PLACES)) if (rest.includes(` ${p} `)) rest = rest.split(` ${p} `).join(' ');
  const left = rest.trim().split(' ').filter(Boolean);
  return left.every((w) => PLACES.has(w));
}

export function isBenefitOrPay(value: string, strict = true): boolean {
  return (
    CURRENCY_SIGN.test(value) ||
    (strict && CURRENCY_CODE.test(value)) ||
    /\b\d+\s*k\b/i.test(value) ||
    /\b401\s*\(?\s*k\b/i.test(value) ||
    hasPhrase(value, BENEFITS) ||
    BENEFITS_ALONE.has(words(value).join(' '))
  );
}

export function isDate(value: string): boolean {
  return DATE.test(value);
}

/** The employer's distinctive name words (`PaperCut Software` -> `papercut`). */
function companyWords(company: string | undefined): string[] {
  if (!company) return [];
  return words(company).filter(
    (w) =>
      w.length >= 3 &&
      !GENERIC.has(w) &&
      !STOP.has(w) &&
      !PLACES.has(w) &&
      !/^(inc|llc|ltd|corp|co|gmbh|plc|group|labs|software|technologies|technology|systems|solutions|consulting|partners|holdings|international|global)$/.test(
        w,
      ),
  );
}

function namesCompany(value: string, company: string[]): boolean {
  if (company.length === 0) return false;
  return words(value).some((w) =>
    company.some((c) => w === c || (c.length >= 4 && w.startsWith(c)) || (w.length >= 4 && c.startsWith(w))),
  );
}

/** True when every word of the value is generic or a stop word (and it holds at least one word). */
export function isGeneric(value: string): boolean {
  const ws = words(value);
  if (ws.length === 0) return true;
  if (ws.length === 1 && FIELDS.has(ws[0])) return false;
  const joined = ws.join(' ');
  if (GENERIC.has(joined) || STOP.has(joined)) return true;
  // A phrase is generic only when it has no noun at all (`next-generation`, `and you've`):
  // `people management` and `operating systems` are skills although each word is common.
  const parts = ws.flatMap((w) => w.split('-')).filter(Boolean);
  return parts.every((w) => VERBS.has(w) || ADJECTIVES.has(w) || STOP.has(w) || w === 'it' || w === '&' || w === '/');
}

/**
 * The value trimmed, or null when it cannot be an entity of this type: a diploma without a
 * degree word; a major that is a place, a benefit, a date, the employer or no field of study;
 * a skill that is a place, pay or a benefit, a date, the employer's name, a generic word or a
 * stop word. Numbers and punctuation alone are never values.
 */
export function sanitizeValue(type: EntityType, value: string, context: SanityContext = {}): string | null {
  const strict = context.strict ?? true;
  const v = trimValue(value);
  if (!/\p{L}/u.test(v)) return null;
  const ws = words(v);
  if (ws.length === 0 || (strict && ws.length === 1 && STOP.has(ws[0]))) return null;
  if (type === 'experience')
    return /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|year|years|month|months|ans?|années|jahre|años|anos)\b/i.test(
      v,
    )
      ? v
      : null;
  if (type === 'diploma') return hasDegreeWord(v) ? v : null;
  const company = companyWords(context.company);
  if (isPlace(v) || isBenefitOrPay(v, strict) || isDate(v) || namesCompany(v, company)) return null;
  if (type === 'diploma_major') {
    if (!strict) return v;
    if (
      /\d/.test(v) ||
      ws.length > 6 ||
      hasPhrase(v, NOT_A_FIELD) ||
      hasDegreeWord(v) ||
      ws.every((w) => VERBS.has(w) || ADJECTIVES.has(w) || STOP.has(w))
    )
      return null;
    return v;
  }
  if (strict && (isGeneric(v) || ws.length > 8)) return null;
  if (ws.some((w) => PRONOUNS.has(w.replace(/’/g, "'"))) || /\b(you|we|they)\s*['’]\s*(ve|re|ll)\b/i.test(v))
    return null;
  const compound = v.toLowerCase().split(/\s*[-–]\s*/u);
  if (compound.length === 2 && !compound[0].includes(' ') && COMPOUND_ADJECTIVE_HEADS.has(compound[1].trim()))
    return null;
  return v;
}

/** Applies sanitizeValue to every value of every type (order kept, rejected values dropped). */
export function sanitizeEntities<T extends Record<EntityType, string[]>>(entities: T, context: SanityContext = {}): T {
  const out = { ...entities };
  for (const t of ENTITY_TYPES)
    out[t] = entities[t].map((v) => sanitizeValue(t, v, context)).filter((v): v is string => v !== null);
  return out;
}
