// Canonical keys for skills: two spellings of one skill get the same key, two skills that only
// look alike keep different keys. The rules, in order, each with the mistake it avoids:
//
// 1. Tidy: Unicode NFKC, lower case, one kind of dash, trailing sentence punctuation dropped.
// 2. Tokenizer spaces closed up: `c #` -> `c#`, `c + +` -> `c++`, `node . js` -> `node.js`,
//    `objective - c` -> `objective-c`. `+` and `#` stay in the key: they are what separates C,
//    C++ and C#.
// 3. The value is cut into words at spaces, hyphens and slashes; each word is then reduced:
//    a. A leading dot is spelled out (`.net` -> `dotnet`) so it does not become plain "net";
//       other dots go (`node.js` = `nodejs`, `b.s.` = `bs`).
//    b. The `js` suffix goes when something of 2+ characters is left (`reactjs` = `react`,
//       `nodejs` = `node`); `js` alone stays and the synonym table makes it JavaScript.
//    c. Version numbers go: a whole word after the first (`python 3`, `java 8`, `sql server 2019`,
//       `angular 2+`; not after the names in KEEP_NUMBER_AFTER: `web 2.0`, `office 365`), or
//       digits glued to the end of a name of 3+ letters or ending in ++/# (`html5`, `css3`,
//       `python3`, `c++11`). Short names keep their digits because the digit IS the name: `s3`,
//       `ec2`, `db2`, `x86`, `c89`; and names whose number is their identity (web3, ipv6,
//       sha256, arm64, ...) are listed in KEEP_DIGITS.
//    d. Plurals: `-ies` -> `-i` and a final consonant+`y` -> `-i` (technologies = technology),
//       then one final `s`, except for words of 3 letters or fewer (`css`, `aws`, `ios`, `sas`,
//       `dns`, `bs`, `ms` are not plurals), words ending in `ss`, words of 5+ letters ending in
//       `is` or `us` (`redis`, `analysis`, `status`; but `apis` -> `api`, `gpus` -> `gpu`), and
//       KEEP_S (`pandas`, `jenkins`, `kubernetes`, `windows`, ...). Then a final `e` of a 4+
//       letter word goes, so `processes`/`process`, `caches`/`cache`, `databases`/`database` meet.
// 4. The words are joined without spaces (`full stack` = `full-stack` = `fullstack`), and other
//    punctuation (parentheses, apostrophes, `&`) is dropped.
// 5. The synonym table (synonyms.ts) maps a key to its concept's key: JS -> JavaScript,
//    k8s -> Kubernetes, Postgres -> PostgreSQL, ML -> machine learning.
//
// Keys are internal (ugly on purpose, e.g. `nod`); show users the values as extracted or typed.
import { parseSynonymTable, SKILL_SYNONYMS, type SynonymLine } from './synonyms';

/** Words whose final `s` is not a plural (short words are protected by length already). */
export const KEEP_S = new Set([
  'pandas',
  'jenkins',
  'kubernetes',
  'windows',
  'rails',
  'devops',
  'mlops',
  'devsecops',
  'aiops',
  'finops',
  'gitops',
  'express',
  'ansys',
  'cypress',
  'atlas',
  'keras',
  'sass',
  'less',
  'https',
  'macos',
  'chromeos',
  'ipados',
  'watchos',
  'centos',
  'kudos',
  'news',
]);

/** Words whose trailing digits are the name itself, not a version. */
export const KEEP_DIGITS = new Set([
  'web3',
  'ipv4',
  'ipv6',
  'sha1',
  'sha2',
  'sha3',
  'sha256',
  'sha512',
  'md5',
  'arm64',
  'amd64',
  'x64',
  'win32',
  'win64',
  'base64',
  'utf8',
  'utf16',
  'mp3',
  'mp4',
  'h264',
  'h265',
  'i386',
  'p2p',
  'b2b',
  'b2c',
  'ps4',
  'ps5',
  'ieee802',
]);

/** Names a separate number belongs to (`web 2.0`, `office 365`, `industry 4.0`): not a version. */
export const KEEP_NUMBER_AFTER = new Set([
  'web',
  'industry',
  'office',
  'microsoft',
  'dynamics',
  'ms',
  'f5',
  'level',
  'tier',
  'phase',
  'section',
  'title',
  'grade',
  'class',
  'part',
  'stage',
  'year',
  'series',
  'zone',
]);

/** Steps 1 and 2: lower case, closed-up tokenizer spaces; still readable. */
export function tidySkill(raw: string): string {
  let s = raw.normalize('NFKC').toLowerCase();
  s = s
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
  s = s.replace(/\s+/g, ' ').trim();
  // Leading bullets and trailing sentence punctuation (never a leading dot: `.net`).
  s = s
    .replace(/^[-*•·▪◦‣⁃>]+\s+/, '')
    .replace(/[\s,;:!?]+$/, '')
    .replace(/(\w)\.+$/, '$1');
  // Tokenizer spaces: `c + +` / `c ++` -> `c++`; `c #` -> `c#`.
  s = s.replace(/\+\s+\+/g, '++').replace(/([a-z])\s+(\+\+|#)(?=$|[\s,;/)])/g, '$1$2');
  // Around dots, hyphens and slashes inside names: `node . js`, `objective - c`, `ci / cd`, `. net`.
  s = s
    .replace(/\s*([/-])\s*/g, '$1')
    .replace(/(\S)\s+\.\s*(?=[a-z])/g, '$1.')
    .replace(/(^|\s)\.\s+(?=[a-z])/g, '$1.');
  // `master 's` -> `master's`
  s = s.replace(/\s+'(?=s\b)/g, "'");
  return s;
}

const VERSION_WORD = /^v?\d+(\.\d+)*(\.x|x|\+)?$/;

/** Step 3 for one word (`previous`: the word before it, undefined for the first). */
function reduceWord(word: string, previous: string | undefined): string {
  if (previous !== undefined && VERSION_WORD.test(word) && !KEEP_NUMBER_AFTER.has(previous)) return '';
  let w = word.replace(/['"()[\]{}&,;:!?*]/g, '');
  if (w.startsWith('.') && w.length > 1) w = 'dot' + w.slice(1);
  w = w.replace(/\.+/g, '');
  if (!w) return '';
  // b. the js suffix
  const js = /^(.{2,})js$/.exec(w);
  if (js) w = js[1];
  // c. version digits glued to the end
  if (!KEEP_DIGITS.has(w)) {
    const v = /^(.*?[a-z+#])(\d+)$/.exec(w);
    if (v && (v[1].length >= 3 || /(\+\+|#)$/.test(v[1])) && /[a-z]/.test(v[1])) w = v[1];
  }
  // d. plurals, then a final e
  if (/^[a-z]+$/.test(w) && !KEEP_S.has(w)) {
    if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'i';
    else if (w.length >= 4 && /[^aeiou]y$/.test(w)) w = w.slice(0, -1) + 'i';
    else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !(w.length >= 5 && /(is|us)$/.test(w)))
      w = w.slice(0, -1);
    if (w.length >= 4 && w.endsWith('e')) w = w.slice(0, -1);
  }
  return w;
}

/** Steps 1-4: the spelling-independent key, before synonyms. */
export function spellingKey(raw: string): string {
  const words = tidySkill(raw)
    .split(/[\s/-]+/)
    .filter(Boolean);
  return words.map((w, i) => reduceWord(w, i === 0 ? undefined : words[i - 1])).join('');
}

/** Key -> the key of its concept's canonical name, for a synonym table. */
export interface SynonymIndex {
  keyOf: Map<string, string>;
  labelOf: Map<string, string>;
}

export function buildSynonymIndex(lines: SynonymLine[]): SynonymIndex {
  const keyOf = new Map<string, string>();
  const labelOf = new Map<string, string>();
  for (const line of lines) {
    const target = spellingKey(line.canonical);
    labelOf.set(target, line.canonical);
    for (const name of line.names) keyOf.set(spellingKey(name), target);
  }
  return { keyOf, labelOf };
}

// Built on first use so importing the module costs nothing.
let defaultIndex: SynonymIndex | undefined;
function shippedIndex(): SynonymIndex {
  defaultIndex ??= buildSynonymIndex(parseSynonymTable(SKILL_SYNONYMS));
  return defaultIndex;
}

/** The key two skills are "the same" under (step 5 included). '' for a value with no letters or digits. */
export function skillKey(raw: string, index: SynonymIndex = shippedIndex()): string {
  const key = spellingKey(raw);
  return index.keyOf.get(key) ?? key;
}

/** True when two spellings name the same skill. */
export function sameSkill(a: string, b: string): boolean {
  const ka = skillKey(a);
  return ka !== '' && ka === skillKey(b);
}

/** The synonym table's name for a skill's concept, when it has one (`k8s` -> `kubernetes`). */
export function canonicalName(raw: string): string | undefined {
  return shippedIndex().labelOf.get(skillKey(raw));
}

/** Distinct values by key, first spelling kept, in order. Empty keys are dropped. */
export function distinctByKey(values: readonly string[], key: (v: string) => string = (v) => skillKey(v)): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const k = key(v);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}
