// "Save as training example": stores the text the model read (the posting focused as the result's
// scope says, prepared exactly as the prompt is: preparePromptText, with the user's boilerplate
// setting) and the entities shown. An empty set saves a negative example (" no entity"), which
// fine-tuning needs too. Each action answers with what the Improve menu's status line says.
import browser from 'webextension-polyfill';
import type { ExtractionResult } from '../core/entities';
import { focusPosting } from '../core/focus';
import type { Posting } from '../core/posting';
import { preparePromptText } from '../core/prompt';
import { errorMessage } from '../core/text';
import { ExamplesFullError, findExample, readExamples, saveExample, toTrainingExample } from '../shared/examples-store';
import { sendMessage } from '../shared/messages';

export type ExampleStatus = { kind: 'ok' | 'error' | 'info'; text: string } | undefined;

/** The posting's text as the model read it, prepared as the prompt prepares it. */
async function exampleText(posting: Posting, modelResult: ExtractionResult): Promise<string> {
  // Inference prompts drop boilerplate when the user turned that on: the example must read the same.
  const settings = await sendMessage('get-settings', {}).catch(() => undefined);
  // The part of the posting the model read (its scope): the example pairs that text with the entities.
  const read = focusPosting(posting, modelResult.meta.scope ?? 'focused').text;
  const text = preparePromptText(read, { trimBoilerplate: settings?.trimBoilerplate ?? false });
  if (!text)
    throw new Error(
      posting.text
        ? 'The posting has no text to learn from.'
        : 'The posting is too long to keep as a training example (over 100,000 characters).',
    );
  return text;
}

/** Saves (or updates) the posting's example with the entities shown, and says how many are saved. */
export async function saveTrainingExample(
  id: string,
  posting: Posting,
  shown: ExtractionResult,
  modelResult: ExtractionResult,
): Promise<ExampleStatus> {
  try {
    const text = await exampleText(posting, modelResult);
    const example = toTrainingExample({
      id,
      text,
      entities: shown,
      url: posting.url,
      title: posting.title,
      model: modelResult.meta.model,
    });
    const outcome = await saveExample(browser.storage.local, example);
    const count = (await readExamples(browser.storage.local)).examples.length;
    return {
      kind: 'ok',
      text: `${outcome === 'saved' ? 'Saved' : 'Updated'} as a training example (${count} saved). Export them from the options page.`,
    };
  } catch (err) {
    const text =
      err instanceof ExamplesFullError ? err.message : `The example could not be saved: ${errorMessage(err)}`;
    return { kind: 'error', text };
  }
}

/** When the posting is already saved as an example: since when (undefined when it is not, or on a failure). */
export async function savedExampleNote(id: string): Promise<ExampleStatus> {
  const saved = await findExample(browser.storage.local, id).catch(() => undefined);
  if (!saved) return undefined;
  return {
    kind: 'info',
    text: `Saved as a training example on ${new Date(saved.savedAt).toLocaleDateString()}; saving again updates it.`,
  };
}
