// The word lists the sanity checks read: degree words, places, benefits, pay and dates, stop words,
// generic words, fields of work, pronouns. General, never tuned to a page.

const list = (s: string): Set<string> => new Set(s.trim().split(/\s*,\s*/));

/** Degree words in English, French, German, Spanish and Portuguese (dots removed, lower case). */
export const DEGREE_WORDS =
  list(`bachelor, bachelors, baccalaureate, master, masters, ba, bs, bsc, ma, ms, msc, mba, phd, dphil, doctorate, doctoral, associate, associates,
  aas, bba, bfa, mfa, beng, meng, btech, mtech, bscs, mscs, bsee, msee, bsn, msn, jd, md, llb, llm, edd, mpa, mph, mps, bcom, mcom,
  degree, degrees, diploma, diplomas, college, university, ged, undergraduate, graduate, postgraduate, post-graduate,
  baccalauréat, bac, licence, maîtrise, maitrise, doctorat, diplôme, diplome, ingénieur, ingenieur, dut, bts,
  abitur, bachelorabschluss, masterabschluss, diplom, hochschulabschluss, studium, fachhochschulreife, ausbildung,
  grado, licenciatura, licenciado, máster, maestría, maestria, doctorado, título, titulo, bachillerato, diplomatura, ingeniería,
  bacharelado, bacharel, licenciatura, mestrado, doutorado, graduação, graduacao, pós-graduação, diplomado`);
/** Two-word degree names. */
export const DEGREE_PHRASES = [
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
export const PLACES =
  list(`us, usa, u.s, u.s.a, uk, u.k, united states, united kingdom, america, north america, south america, latin america, latam, emea, apac, americas, europe, asia, africa, oceania, middle east, eu,
  canada, mexico, brazil, argentina, chile, colombia, peru, ireland, england, scotland, wales, france, germany, spain, portugal, italy, netherlands, belgium, switzerland, austria, sweden, norway, denmark, finland, poland, czechia, romania, greece, turkey, israel, egypt, nigeria, kenya, south africa, india, pakistan, china, japan, korea, singapore, malaysia, indonesia, philippines, vietnam, thailand, australia, new zealand, uae, dubai, saudi arabia, qatar,
  new york, nyc, san francisco, sf, bay area, silicon valley, los angeles, seattle, boston, chicago, austin, denver, atlanta, miami, dallas, houston, washington, dc, philadelphia, portland, san diego, san jose, mountain view, palo alto, menlo park, sunnyvale, jonesboro, toronto, vancouver, montreal, montréal, ottawa, calgary,
  london, manchester, dublin, paris, lyon, berlin, munich, hamburg, amsterdam, brussels, zurich, geneva, madrid, barcelona, lisbon, milan, rome, stockholm, copenhagen, oslo, helsinki, warsaw, prague, vienna,
  sydney, melbourne, brisbane, perth, adelaide, auckland, bangalore, bengaluru, mumbai, delhi, new delhi, hyderabad, pune, chennai, tokyo, shanghai, beijing, hong kong, seoul, tel aviv, sao paulo, são paulo, mexico city, bogota, buenos aires,
  ca, ny, nj, tx, fl, il, ga, nc, va, az, california, texas, florida, arkansas, massachusetts, illinois, colorado, georgia, virginia, ohio, michigan, oregon, arizona, nevada, utah, ontario, quebec, québec, british columbia, victoria, new south wales, queensland,
  american, australian, canadian, british, european, asian, african, indian, mexican, brazilian, californian, remote, on-site, onsite, hybrid, worldwide, globally, nationwide`);

/** Benefits and pay, as single words or phrases (any of them in a value makes it no requirement). */
export const BENEFITS =
  list(`pto, paid time off, vacation, holidays, dental, vision insurance, health insurance, life insurance, medical insurance, dental insurance, 401k, 401(k), pension, pensions, parental leave, maternity, paternity, sick days, sick leave, annual leave, paid leave,
  stipend, stipends, stock options, rsu, rsus, salary, salaries, per annum, per hour, perks, wellness, gym, commuting, commuter, lunches, snacks, meals, relocation, visa sponsorship, flexible hours, flexible working, work from home, wfh, unlimited pto, time off, free lunch`);
/**
 * Benefit words that are also fields of work (`insurance claims`, `stock management`, `equity
 * research`, `compensation analysis`, `benefits administration`): a benefit only as the whole value.
 */
export const BENEFITS_ALONE = list(
  `insurance, healthcare, health care, medical, equity, stock, shares, compensation, benefits, bonus, bonuses, pay, wage, wages, allowance, reimbursement, leave, holiday, sponsorship, vision`,
);

/** Currency signs, and currency codes (`USD` is also Microsoft's Unified Service Desk to the annotator: codes count only in strict mode). */
export const CURRENCY_SIGN = /[$€£¥₹]|\b(k\/yr|per annum|p\.a)\b/i;
export const CURRENCY_CODE = /\b(usd|eur|gbp|aud|cad|nzd|inr|chf|jpy|sgd)\b/i;
export const DATE =
  /\b(january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|^\W*(19|20)\d\d\W*$|\b(19|20)\d\d\s*[-–]\s*(19|20)\d\d\b/i;

/** Stop words: never a value on their own, trimmed from a value's ends. */
export const STOP =
  list(`a, an, the, and, or, nor, but, of, in, on, at, to, for, from, by, with, without, as, into, onto, via, per, than, then, so, such, such as, including, include, includes, like, e.g, e.g., i.e, i.e., etc, etc., vs, and/or,
  is, are, be, been, being, was, were, will, would, can, could, should, must, may, might, shall, do, does, did, have, has, had, having, get, gets,
  i, you, your, yours, we, our, ours, us, they, their, them, its, he, she, his, her, this, that, these, those, who, whom, which, what, where, when, why, how, all, any, some, each, every, both, either, neither, other, others, more, most, less, least, very, also, too, just, only, not, well, up, out, about, over, under, across, within, between, through, while, if`);

/**
 * Words that are never a skill on their own: generic verbs, adjectives and nouns of postings
 * ("making", "collaborate", "dynamic", "product", "industry"). A phrase made only of these (and
 * stop words) is dropped too; a phrase with one real word ("people management") stays.
 */
export const VERBS = list(
  `make, making, made, build, building, builds, built, maintain, maintaining, develop, developing, develops, create, creating, drive, manage, manages, support, supporting, implement, implementing, improve, improving, fix, fixing, execute, executing, grow, growing, assess, assessing, evaluate, evaluating, collaborate, collaborating, communicate, interact, interacting, operate, operating, deliver, delivering, define, defining, ensure, ensuring, help, helping, work, working, works, use, using, apply, applying, identify, identifying, lead, leading, own, owning, shape, partner, partnering, influence, mitigate, innovate, represent, engage, engaging, enable, enabling, learn, learning, doing, selection, processing, analyzing, analysing, interpreting, writing, creating, contribute, contributing, provide, providing, bring, bringing, join, joining, serve, serving, thrive, looking, seeking, solve, solving, hire, hiring, grow, scale, scaling, balancing, participate, articulate, consider, handle, handling, achieve, exceed, meet, set, run, running, ship, shipping, take, taking, understand, understanding, want, need, love, enjoy, care, trust, believe, commenting, loved, loving`,
);
export const ADJECTIVES = list(
  `dynamic, collaborative, beneficial, impactful, innovative, strategic, strategically, high, low, operational, creative, direct, online, open-minded, caring, honest, intelligent, nimble, transformative, potential, strong, excellent, exceptional, proven, passionate, motivated, driven, proactive, fast-paced, global, international, senior, junior, new, modern, great, good, best, top, key, core, critical, complex, large, small, big, various, multiple, relevant, related, equivalent, preferred, required, plus, bonus, ideal, successful, effective, efficient, independent, interdisciplinary, cross-functional, next-generation, next - generation, high-growth, high - growth, fast-growing, world-class, cutting-edge, early-stage, entry-level, full-time, part-time, hands-on, hands - on, day-to-day, end-to-end, real-time, secure, safe, steady, reliable, robust, usable, technical, non-technical, professional, personal, daily, annual, internal, external, social, digital, visual, general, overall, open, free, quick, fast`,
);
const NOUNS = list(
  `product, products, people, person, industry, business, businesses, team, teams, company, companies, customer, customers, client, clients, user, users, impact, growth, vision, direction, services, service, processes, process, policies, policy, standards, standard, program, programs, network, opportunity, opportunities, role, roles, position, positions, environment, environments, culture, mission, values, value, world, future, idea, ideas, tools, tool, system, systems, solution, solutions, thing, things, stakeholders, leaders, leadership team, executives, engineers, architects, developers, designers, managers, product managers, software engineers, analysts, partners, members, member, colleagues, employees, candidates, candidate, applicants, staff, organization, organizations, organisation, department, office, offices, site, website, platform, platforms, technology, technologies, engineering, projects, project, tasks, task, work, job, jobs, career, careers, level, levels, part, parts, way, ways, time, times, day, days, year, years, month, months, week, weeks, hours, number, numbers, lots, range, variety, area, areas, field, fields, space, stage, phase, side, point, points, end, edge, goal, goals, result, results, outcome, outcomes, success, quality, excellence, passion, drive, ability, abilities, capability, capabilities, mindset, attitude, experience, experiences, skills, skill, knowledge, expertise, background, understanding, familiarity, proficiency, responsibilities, responsibility, requirements, requirement, qualifications, qualification, duties, needs, insights, trends, market, markets, brand, community, events, event, conferences, mentorship, feedback, perspectives, backgrounds, diversity, inclusion, belonging, equity, integrity, initiative, ownership, energy, urgency, creativity, curiosity, judgment, judgement, flexibility, accuracy, detail, details, data, information, content, research, strategy, strategies, management, operations, support, design, development, implementation, optimization, analysis, planning, marketing, sales, finance, accounting, security, performance, reliability, infrastructure, software, hardware, cloud, web, mobile, ai, ml`,
);
export const GENERIC = new Set([...VERBS, ...ADJECTIVES, ...NOUNS]);

/**
 * Common words that are still a field of work on their own (`marketing`, `design`, `accounting`):
 * a bare one stays a skill, though it is listed among the generic nouns above for phrases.
 */
export const FIELDS = list(
  `research, strategy, management, operations, support, design, development, implementation, optimization, analysis, planning, marketing, sales, finance, accounting, security, performance, reliability, infrastructure, software, hardware, cloud, engineering, automation, testing, networking`,
);

/** Second halves of hyphenated adjectives (`next-generation`, `design-oriented`, `self-starter`): such a compound alone is no skill. */
export const COMPOUND_ADJECTIVE_HEADS = list(
  `oriented, minded, heavy, generation, starter, volume, driven, based, focused, level, quality, grade, growth, paced, facing, friendly, centric, impact, class, market, scale, speed, led, owned, first, time, term, edge, stage, wide, ready, savvy, motivated`,
);
/** Pronouns: a value holding one is a piece of a sentence, not a skill (`and you've`, `loving it`). */
export const PRONOUNS = list(
  `you, you've, you're, you'll, your, yours, we, we're, we've, our, ours, they, their, i, i'm, me, my, he, she, him, her, them`,
);

/** Words that say a value is about the posting, or names a school (`BS in CS, Université X`), not a field of study. */
export const NOT_A_FIELD = list(
  `services, service, remote, team, teams, role, position, company, office, experience, years, year, equivalent, related, relevant, field, fields, area, areas, discipline, similar, other, degree, technical recruiting, recruiting, industry, program, university, universities, université, universität, universidad, universidade, università, universiteit, universitet, college, institute, institut, instituto, école, ecole, hochschule, polytechnic`,
);
