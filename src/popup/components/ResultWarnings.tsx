// What makes a result less than clean, said above the chips: an answer cut off at the token limit
// (values after the cut are missing) or parts of the answer out of the format; the model's raw
// answer can be opened to see for oneself.
import type { ExtractionResult } from '../../core/entities';

export const CUT_OFF_WARNING = "The model's answer was cut off — raise Max tokens in the options";
export const FORMAT_WARNING = "The model's answer was not in the expected format";

/** The popup's warnings for a result, in words for the user. */
export function resultWarnings(result: ExtractionResult): string[] {
  const out: string[] = [];
  if (result.meta.finishReason === 'length') out.push(CUT_OFF_WARNING);
  if (
    result.meta.warnings.some((w) =>
      /not (part of|in) the (answer|expected) format|could not be read|not quoted|bulleted list/i.test(w),
    )
  )
    out.push(FORMAT_WARNING);
  return out;
}

export function RawAnswer({ text }: { text: string }) {
  return (
    <details class="raw-answer" data-testid="raw-answer">
      <summary>Show the model's answer</summary>
      <pre>{text}</pre>
    </details>
  );
}

export function ResultWarnings({ result }: { result: ExtractionResult }) {
  const warnings = resultWarnings(result);
  if (warnings.length === 0) return null;
  return (
    <section class="result-warnings" role="status">
      {warnings.map((w) => (
        <p key={w} class="notice warning" data-testid="result-warning">
          {w}
        </p>
      ))}
      {result.meta.rawAnswer && <RawAnswer text={result.meta.rawAnswer} />}
    </section>
  );
}
