// Checks of where prompts and completions begin and end: the separator, fixed text repeated on
// every prompt, the stop word and the leading space.
import { containsWord } from './ending';
import { isBlank, isCompletion, linesOf, warning, when, type CheckContext } from './check-context';
import type { Warning } from './check';

const LONG_SUFFIX_CHARS = 20;
const PREFIX_MIN_CHARS = 10;

/** The separator at the end of each prompt (completion format only: chat lines need none). */
export function checkSeparator({ completionFacts, separator }: CheckContext): Warning[] {
  const core = separator.trim() || separator;
  const missing: number[] = [];
  const variant: number[] = [];
  const inside: number[] = [];
  for (const f of completionFacts) {
    const p = f.pair.prompt;
    let body = p;
    if (p.endsWith(separator)) body = p.slice(0, -separator.length);
    else if (p.trimEnd().endsWith(core)) {
      variant.push(f.pair.line);
      body = p.trimEnd().slice(0, -core.length);
    } else missing.push(f.pair.line);
    if (body.includes(core)) inside.push(f.pair.line);
  }
  const showSep = JSON.stringify(separator);
  return [
    ...when(
      'separator-missing',
      missing,
      (n) =>
        `${n} prompt(s) do not end with the separator ${showSep}; the model cannot tell where the posting ends, and the extension ends every prompt with it. --fix adds it.`,
    ),
    ...when(
      'separator-inconsistent',
      variant,
      (n) =>
        `${n} prompt(s) end with a different variant of the separator than ${showSep}; use exactly the one inference uses. --fix makes them all the same.`,
    ),
    ...when(
      'separator-in-prompt',
      inside,
      (n) =>
        `${n} prompt(s) contain ${JSON.stringify(core)} before the end; the model may take it for the end of the posting. --fix neutralises it as the extension does at inference.`,
    ),
  ];
}

/** A long separator, or the same fixed text before it on every prompt. */
export function checkSeparatorLong({ completionFacts, separator }: CheckContext): Warning[] {
  if (separator.length > LONG_SUFFIX_CHARS)
    return [
      warning(
        'separator-long',
        `The separator ${JSON.stringify(separator)} is ${separator.length} characters long; a short fixed one such as "\\n\\n###\\n\\n" costs fewer tokens on every example.`,
        [],
      ),
    ];
  const withSep = completionFacts.filter((f) => f.pair.prompt.endsWith(separator));
  if (withSep.length < 2) return [];
  const suffix = commonSuffix(withSep.map((f) => f.pair.prompt));
  const extraText = wordAligned(suffix.slice(0, suffix.length - separator.length), 'suffix').trim();
  if (extraText.length < LONG_SUFFIX_CHARS) return [];
  return [
    warning(
      'separator-long',
      `Every prompt ends with the same ${JSON.stringify(extraText)} before the separator: fixed instructions cost tokens on every example and fine-tuning makes them unnecessary. Remove them.`,
      linesOf(withSep),
    ),
  ];
}

export function checkCommonPrefix({ completionFacts }: CheckContext): Warning[] {
  if (completionFacts.length < 2) return [];
  const prefix = wordAligned(commonPrefix(completionFacts.map((f) => f.pair.prompt)), 'prefix').trim();
  if (prefix.length < PREFIX_MIN_CHARS) return [];
  return [
    warning(
      'common-prefix',
      `Every prompt starts with ${JSON.stringify(prefix)}: instructions repeated on each example are unnecessary after fine-tuning and cost tokens. Remove them (the extension sends only the posting text).`,
      linesOf(completionFacts),
    ),
  ];
}

export function checkEndingMissing({ facts, stop }: CheckContext): Warning[] {
  const missing = linesOf(facts, (f) => isCompletion(f) && !isBlank(f) && f.ending === null);
  return when(
    'ending-missing',
    missing,
    (n) =>
      `${n} completion(s) do not end with the stop word ${JSON.stringify(stop)}; without it the model does not know when to stop. --fix adds it.`,
  );
}

export function checkEndingInconsistent({ completionFacts, endings, stop }: CheckContext): Warning[] {
  if (endings.size <= 1) return [];
  const ranked = [...endings.entries()].sort((a, b) => b[1].length - a[1].length);
  const odd = ranked.slice(1).flatMap(([, l]) => l);
  const oddLines = new Set(odd);
  const negOdd = completionFacts.filter((f) => oddLines.has(f.pair.line) && f.parsed.negative).length;
  const ways = ranked.map(([e, l]) => `${JSON.stringify(e)} (${l.length})`).join(', ');
  return [
    warning(
      'ending-inconsistent',
      `Completions end in ${ranked.length} different ways: ${ways}${negOdd === odd.length ? ' — the odd ones are the negatives' : ''}. A model trained on two endings may stop on neither; --fix ends every completion with ${JSON.stringify('\n' + stop)}.`,
      odd,
    ),
  ];
}

export function checkEndingInCompletion({ facts, stop }: CheckContext): Warning[] {
  const stopCore = stop.trim() || stop;
  const inside = linesOf(facts, (f) => isCompletion(f) && containsWord(f.body, stopCore));
  return when(
    'ending-in-completion',
    inside,
    (n) =>
      `${n} completion(s) contain the stop word ${JSON.stringify(stopCore)} before their end; the model would stop there and lose the rest.`,
  );
}

export function checkLeadingSpace({ facts }: CheckContext): Warning[] {
  const noSpace = linesOf(facts, (f) => isCompletion(f) && !isBlank(f) && !f.pair.completion.startsWith(' '));
  return when(
    'no-leading-space',
    noSpace,
    (n) =>
      `${n} completion(s) do not start with a space; tokenizers join a word to the space before it, so every completion should start with one. --fix adds it.`,
  );
}

function commonPrefix(list: string[]): string {
  let p = list[0] ?? '';
  for (const s of list) {
    let i = 0;
    while (i < p.length && i < s.length && p[i] === s[i]) i++;
    p = p.slice(0, i);
    if (!p) break;
  }
  return p;
}

function commonSuffix(list: string[]): string {
  let p = list[0] ?? '';
  for (const s of list) {
    let i = 0;
    while (i < p.length && i < s.length && p[p.length - 1 - i] === s[s.length - 1 - i]) i++;
    p = p.slice(p.length - i);
    if (!p) break;
  }
  return p;
}

/** Cut a shared prefix/suffix back to whole words: a common first letter is not an instruction. */
function wordAligned(s: string, side: 'prefix' | 'suffix'): string {
  if (!s) return s;
  if (side === 'prefix') {
    const m = /^[\s\S]*[\s:.,;!?-]/.exec(s);
    return m ? m[0] : '';
  }
  const m = /[\s:.,;!?-][\s\S]*$/.exec(s);
  return m ? m[0] : '';
}
