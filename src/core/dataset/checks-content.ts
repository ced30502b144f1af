// Checks of what the examples hold: keys, formats, duplicates, length, case, negatives, size and
// values that do not occur in their prompt.
import { valueKey } from '../display';
import { ENTITY_TYPES } from '../entities';
import {
  MINIMUM_EXAMPLES,
  RECOMMENDED_EXAMPLES,
  isBlank,
  linesOf,
  pushTo,
  warning,
  when,
  type CheckContext,
} from './check-context';
import type { Facts, Warning } from './check';
import { duplicateKey } from './pairs';

const UPPER_CASE_RATIO = 0.5;
const UPPER_CASE_MIN_LETTERS = 20;

export function checkKeyCase({ facts }: CheckContext): Warning[] {
  const renamed = facts.filter((f) => f.pair.renamedKeys.length);
  const keys = [...new Set(renamed.flatMap((f) => f.pair.renamedKeys))].join(', ');
  return when(
    'key-case',
    linesOf(renamed),
    (n) =>
      `${n} line(s) name a key in another letter case (${keys}); they are read as "prompt"/"completion" and --fix renames them.`,
  );
}

export function checkExtraKeys({ facts }: CheckContext): Warning[] {
  const extra = facts.filter((f) => f.pair.extraKeys.length);
  const keys = [...new Set(extra.flatMap((f) => f.pair.extraKeys))].map((k) => JSON.stringify(k)).join(', ');
  return when(
    'extra-keys',
    linesOf(extra),
    (n) => `${n} line(s) carry keys fine-tuning does not use (${keys}); --fix drops them.`,
  );
}

export function checkMixedFormats({ completionFacts, chatFacts }: CheckContext): Warning[] {
  if (!completionFacts.length || !chatFacts.length) return [];
  const minority = completionFacts.length >= chatFacts.length ? chatFacts : completionFacts;
  return [
    warning(
      'mixed-formats',
      `The file mixes ${completionFacts.length} prompt/completion line(s) and ${chatFacts.length} chat "messages" line(s); a fine-tuning file takes one format (--fix writes prompt/completion; \`dataset convert\` writes either).`,
      linesOf(minority),
    ),
  ];
}

export function checkEmptyCompletion({ facts }: CheckContext): Warning[] {
  return when(
    'empty-completion',
    linesOf(facts, isBlank),
    (n) =>
      `${n} completion(s) are empty: the model would learn to answer nothing. Write the entities, or " no entity" for a posting without any; --fix drops them.`,
  );
}

export function checkCompletionFormat({ nonEmpty }: CheckContext): Warning[] {
  const bad = nonEmpty.filter((f) => f.parsed.warnings.length);
  const shown = bad
    .slice(0, 5)
    .map((f) => `line ${f.pair.line}: ${f.parsed.warnings[0]}`)
    .join('; ');
  return when(
    'completion-format',
    linesOf(bad),
    (n) =>
      `${n} completion(s) could not be read cleanly as entity lines such as "skills:['python']": ${shown}${n > 5 ? '; ...' : ''}`,
  );
}

/** The same posting text twice: with the same entities (a duplicate) or different ones (a conflict). */
export function checkDuplicates({ facts }: CheckContext): Warning[] {
  const byText = new Map<string, Facts[]>();
  for (const f of facts) pushTo(byText, f.text, f);
  const dupLines: number[] = [];
  const dupNotes: string[] = [];
  const conflictLines: number[] = [];
  const conflictNotes: string[] = [];
  for (const group of byText.values()) {
    if (group.length < 2) continue;
    const firstBySig = new Map<string, number>();
    for (const f of group) {
      const sig = duplicateKey('', f.parsed.entities);
      const first = firstBySig.get(sig);
      if (first === undefined) firstBySig.set(sig, f.pair.line);
      else {
        dupLines.push(f.pair.line);
        dupNotes.push(`line ${f.pair.line} repeats line ${first}`);
      }
    }
    if (firstBySig.size > 1) {
      conflictLines.push(...linesOf(group));
      conflictNotes.push(`lines ${linesOf(group).join(', ')}`);
    }
  }
  return [
    ...when(
      'duplicate',
      dupLines,
      (n) =>
        `${n} duplicate example(s) (${dupNotes.join('; ')}); duplicates weigh an example twice. --fix keeps the first.`,
    ),
    ...when(
      'conflicting-duplicate',
      conflictLines,
      () =>
        `The same posting text is annotated differently (${conflictNotes.join('; ')}): the model gets contradictory lessons. Keep one annotation of each.`,
    ),
  ];
}

export function checkTooLong({ facts, limit, model }: CheckContext): Warning[] {
  return when(
    'too-long',
    linesOf(facts, (f) => f.tokens > limit),
    (n) =>
      `${n} example(s) exceed ${limit} tokens, the context of ${model}; they would be cut or skipped in training. Shorten them to the qualifications; --fix drops them.`,
  );
}

export function checkUpperCase({ facts }: CheckContext): Warning[] {
  const upper = linesOf(facts, (f) =>
    isMostlyUpperCase(f.text + ' ' + ENTITY_TYPES.flatMap((t) => f.parsed.entities[t]).join(' ')),
  );
  return when(
    'upper-case',
    upper,
    (n) =>
      `${n} example(s) are mostly upper-case; models learn lower-case text better and postings are rarely written in capitals. Consider writing them in normal case.`,
  );
}

export function checkNegatives({ facts, nonEmpty }: CheckContext): Warning[] {
  if (facts.length === 0 || nonEmpty.some((f) => f.parsed.negative)) return [];
  return [
    warning(
      'no-negatives',
      'No negative examples (" no entity"): add some postings or passages without any diploma, major, experience or skill, or the model will invent entities for them.',
      [],
    ),
  ];
}

export function checkSize({ facts }: CheckContext): Warning[] {
  const n = facts.length;
  if (n >= RECOMMENDED_EXAMPLES) return [];
  const refused = n < MINIMUM_EXAMPLES ? `OpenAI refuses fine-tuning with fewer than ${MINIMUM_EXAMPLES}. ` : '';
  return [
    warning(
      'few-examples',
      `Only ${n} usable example(s). ${refused}Results improve with at least ${RECOMMENDED_EXAMPLES}; each doubling of the data tends to improve quality steadily. Add corrected examples from the extension ("Save as training example").`,
      [],
    ),
  ];
}

/** Values that do not occur in their prompt: likely annotation errors. */
export function checkValuesInPrompt({ nonEmpty }: CheckContext): Warning[] {
  const notes: string[] = [];
  const lines: number[] = [];
  for (const f of nonEmpty) {
    // Lower case, no white space (display's valueKey): how values are compared with their prompt.
    const hay = valueKey(f.text);
    for (const t of ENTITY_TYPES) {
      for (const v of f.parsed.entities[t]) {
        const needle = valueKey(v);
        if (needle && !hay.includes(needle)) {
          lines.push(f.pair.line);
          notes.push(`line ${f.pair.line} ${t} ${JSON.stringify(v)}`);
        }
      }
    }
  }
  return when(
    'value-not-in-prompt',
    lines,
    () =>
      `${notes.length} value(s) do not occur in their prompt (compared ignoring case and spaces), likely annotation errors: ${notes.slice(0, 10).join('; ')}${notes.length > 10 ? '; ...' : ''}.`,
  );
}

function isMostlyUpperCase(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length < UPPER_CASE_MIN_LETTERS) return false;
  const upper = letters.filter((c) => c !== c.toLowerCase() && c === c.toUpperCase()).length;
  return upper / letters.length > UPPER_CASE_RATIO;
}
