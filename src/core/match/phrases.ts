// Phrase skills and their head skill: "running Kubernetes" is Kubernetes, "maintaining CI/CD
// pipelines" is CI/CD, "strong Python skills" is Python, whichever side (posting or candidate)
// wrote the phrase. The rule, and the mistake each part avoids:
//
// 1. The phrase is cut into words at spaces only, after the tokenizer spaces are closed up
//    (tidySkill): `go - to - market`, `c - level`, `pl / sql`, `ci / cd` stay one word each, so
//    Go, C and SQL are never found inside them. Short words joined by `&` are one word too
//    (`r & d`, `p & l`), so R is not found in R&D.
// 2. Known skills are found in it greedily, longest first, left to right: a span is known when its
//    key (skillKey, synonyms included) is one of the other side's skills or a name in the synonym
//    table. Longest first keeps false friends apart: `java script` is JavaScript, never Java;
//    `sql server` is SQL Server, never SQL; `google cloud` is GCP, never Go.
// 3. The head counts only when every other word of the phrase is filler: a verb in -ing, a
//    function word, or a generic word (experience, pipelines, clusters, development, ...). So
//    "project management" does not contain "management", and "data analysis" does not contain
//    "data"; "docker and kubernetes" names both Docker and Kubernetes.
import { skillKey, tidySkill } from './normalize';
import { parseSynonymTable, SKILL_SYNONYMS } from './synonyms';

/** Words that say how or where a skill is used, never which skill. */
const FILLER = new Set(
  `a an the and or & + with in on of for to at by from into using via plus as within across
  experience experienced expertise knowledge proficiency proficient familiarity familiar understanding
  skill skills ability abilities background exposure competency competence command mastery
  strong solid good excellent deep proven advanced basic working hands-on hands on modern
  extensive demonstrated practical professional fluent fluency sound thorough
  pipeline pipelines cluster clusters environment environments tool tools tooling framework frameworks
  stack stacks service services infrastructure application applications system systems platform platforms
  database databases ecosystem language languages concept concepts principle principles practice practices
  fundamental fundamentals technology technologies solution solutions workflow workflows
  development programming engineering scripting deployment deployments production scale
  code codebase codebases library libraries api apis based cloud
  best large complex high performance equivalent similar related etc e.g i.e`
    .split(/\s+/)
    .filter(Boolean),
);

function isFiller(word: string): boolean {
  const w = word.replace(/[.,;:()'"!?]+/g, '');
  if (w === '' || FILLER.has(w)) return true;
  // Verbs in -ing ("running", "maintaining", "building") but not short nouns ("ring", "king").
  return /^[a-z]{3,}ing$/.test(w);
}

/** The words of a phrase: tokenizer spaces closed, cut at spaces, short `x & y` kept whole. */
export function phraseWords(value: string): string[] {
  const tidy = tidySkill(value).replace(/\b([\p{L}\p{N}]{1,2})\s*&\s*([\p{L}\p{N}]{1,2})\b/gu, '$1&$2');
  return tidy.split(' ').filter(Boolean);
}

// A phrase longer than this is a sentence, not a skill: no head is looked for in it.
const MAX_WORDS = 12;
const MAX_SPAN = 6;

let tableKeys: Set<string> | undefined;
/** Keys of every concept in the synonym table. */
function knownKeys(): Set<string> {
  tableKeys ??= new Set(parseSynonymTable(SKILL_SYNONYMS).flatMap((l) => l.names.map((n) => skillKey(n))));
  return tableKeys;
}

/**
 * The skills a value names: its own key, and, when it is a phrase around known skills with
 * nothing else but filler, the keys of those skills. `others` are the keys of the other side's
 * skills (they count as known besides the synonym table).
 */
export function skillConcepts(value: string, others: ReadonlySet<string>): string[] {
  const own = skillKey(value);
  const out = own ? [own] : [];
  const words = phraseWords(value);
  if (words.length < 2 || words.length > MAX_WORDS) return out;
  const table = knownKeys();
  // A phrase the synonym table names (`java script`, `sql server`) is that skill only.
  if (table.has(own)) return out;
  const heads: string[] = [];
  const used = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length;) {
    let found = 0;
    // Longest span first, so a longer known name wins over a shorter one inside it.
    for (let n = Math.min(MAX_SPAN, words.length - i); n >= 1; n--) {
      if (n === words.length) continue; // the whole phrase is `own`
      const key = skillKey(words.slice(i, i + n).join(' '));
      if (key && (others.has(key) || table.has(key))) {
        heads.push(key);
        found = n;
        break;
      }
    }
    if (found) {
      for (let j = i; j < i + found; j++) used[j] = true;
      i += found;
    } else i++;
  }
  if (heads.length === 0) return out;
  // Every word outside the heads must be filler; otherwise the phrase is a skill of its own.
  if (!words.every((w, j) => used[j] || isFiller(w))) return out;
  for (const h of heads) if (!out.includes(h)) out.push(h);
  return out;
}
