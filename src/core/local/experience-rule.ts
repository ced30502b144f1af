// The experience rule: a number, `+`/`plus`/a range, and `years` (`5 + years`, `3 - 5 years`,
// `at least [five years]`), never `of experience`.
import type { Span } from './corpus';

const NUMBER_WORDS = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'fifteen',
  'twenty',
]);
const YEAR_WORDS = new Set([
  'year',
  'years',
  'yr',
  'yrs',
  'year(s',
  'years(s',
  'months',
  'month',
  'ans',
  'années',
  'jahre',
  'jahren',
  'años',
  'anos',
]);
/** Words joining the two ends of a range (`3 - 5`, `3 to 5`, `8 à 10`, `3 bis 5`). */
const RANGE_WORDS = new Set(['-', '–', 'to', 'à', 'a', 'bis']);
/** Words before a number that make it a period rather than a requirement (`every two years`). */
const NOT_REQUIREMENT = new Set([
  'every',
  'within',
  'past',
  'last',
  'next',
  'first',
  'over',
  'than',
  'in',
  'after',
  'for',
]);

function isNumber(t: string): boolean {
  return (/^[0-9]{1,2}$/.test(t) && Number(t) <= 40) || NUMBER_WORDS.has(t);
}

/**
 * Experience requirements: `5 + years`, `5 plus years`, `3 - 5 years`, `3 to 6 years`,
 * `five years`, `one year`, `3+plus years`, `2years`, `5 - 10 yrs`, `3 or more years`,
 * `two - plus years`, `1 + year(s`, `6 months`, `8 à 10 ans`.
 */
export function experienceSpans(tokens: readonly string[]): Span[] {
  const lower = tokens.map((t) => t.toLowerCase());
  const spans: Span[] = [];
  for (let i = 0; i < lower.length; i++) {
    const t = lower[i];
    if (NOT_REQUIREMENT.has(lower[i - 1] ?? '')) continue;
    if (/^[0-9]{1,2}\+?years?$/.test(t)) {
      spans.push({ label: 'EXPERIENCE', start: i, end: i + 1 });
      continue;
    }
    let j: number;
    if (/^[0-9]{1,2}\+plus$/.test(t)) j = i + 1;
    else if (isNumber(t)) {
      j = i + 1;
      if (lower[j] === '+' || lower[j] === 'plus') j++;
      else if ((lower[j] === '-' || lower[j] === '–') && lower[j + 1] === 'plus') j += 2;
      else if (lower[j] === 'or' && (lower[j + 1] === 'more' || lower[j + 1] === 'greater')) j += 2;
      else if (RANGE_WORDS.has(lower[j]) && isNumber(lower[j + 1] ?? '')) {
        j += 2;
        if (lower[j] === '+' || lower[j] === 'plus') j++;
      }
    } else continue;
    // Months count only as a stated length of experience (`6 months of experience`), never as a period.
    const unit = lower[j] ?? '';
    if (
      unit.startsWith('month') &&
      !/^(of|experience|work|professional|related|relevant|in|with)$/.test(lower[j + 1] ?? '')
    )
      continue;
    if (YEAR_WORDS.has(unit) && lower[j + 1] !== 'old' && lower[j + 1] !== 'ago') {
      if (unit.endsWith('(s') && lower[j + 1] === ')') j++;
      spans.push({ label: 'EXPERIENCE', start: i, end: j + 1 });
      i = j;
    }
  }
  return spans;
}
