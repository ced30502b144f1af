// The settings form's fields as data: each row is one labelled control, so the form and its
// Advanced section render every field through the same two components (InputField, SelectField).
import type { InputHTMLAttributes } from 'preact';
import type { SettingsForm } from './form';

/** The fields typed in as free text (the others are chosen from a list). */
export type TextFieldName = Exclude<keyof SettingsForm, SelectSpec['name']>;

export interface InputSpec {
  name: TextFieldName;
  label: string;
  testId: string;
  hint: string;
  /** The input's own attributes: its type, its bounds, a placeholder. */
  attrs: InputHTMLAttributes<HTMLInputElement>;
}

export interface SelectSpec {
  name: 'mode' | 'scope';
  label: string;
  testId: string;
  hint: string;
  /** [value, text shown] */
  options: readonly (readonly [string, string])[];
}

export const BASE_URL_FIELD: InputSpec = {
  name: 'baseURL',
  label: 'Base URL',
  testId: 'base-url',
  attrs: { type: 'url' },
  hint: "The server's OpenAI-compatible /v1 address.",
};

export const MODEL_FIELD: InputSpec = {
  name: 'model',
  label: 'Model',
  testId: 'model',
  // Model ids are not words: no spelling marks under them.
  attrs: { type: 'text', spellcheck: false, placeholder: 'ft:davinci-002:my-org:jobs:abc123' },
  hint: 'Your fine-tuned model id, a deployment name (Azure) or a local model name. Empty: offline extractor.',
};

export const MODE_FIELD: SelectSpec = {
  name: 'mode',
  label: 'Mode',
  testId: 'mode',
  hint: 'Auto: completion for davinci-002/babbage-002 and their fine-tunes, chat otherwise.',
  options: [
    ['auto', 'auto'],
    ['completion', 'completion'],
    ['chat', 'chat'],
  ],
};

export const SCOPE_FIELD: SelectSpec = {
  name: 'scope',
  label: 'Read',
  testId: 'scope',
  hint: 'Focused: the requirements, nice-to-have and responsibilities sections, as the model was trained; a posting without them is read whole.',
  options: [
    ['focused', 'what the job asks for (focused)'],
    ['whole', 'the whole posting'],
  ],
};

/** Behind "Advanced": the prompt separator, the stop sequence, the answer budget, the timeout and the text limit. */
export const ADVANCED_FIELDS: readonly InputSpec[] = [
  {
    name: 'separator',
    label: 'Separator',
    testId: 'separator',
    attrs: { type: 'text' },
    hint: 'Appended to the prompt, exactly as in training (\\n is a line break).',
  },
  {
    name: 'stop',
    label: 'Stop',
    testId: 'stop',
    attrs: { type: 'text' },
    hint: "Where the model's answer ends, as in training.",
  },
  {
    name: 'maxTokens',
    label: 'Max tokens',
    testId: 'max-tokens',
    attrs: { type: 'number', min: 16, max: 16384 },
    hint: "The answer's token budget (16–16384).",
  },
  {
    name: 'timeoutSec',
    label: 'Timeout (seconds)',
    testId: 'timeout',
    attrs: { type: 'number', min: 1, max: 120 },
    hint: 'Per request, 1–120 s (the CLI uses it as is; the extension stops at 28 s, since Chrome stops a worker that waits 30 s for an answer).',
  },
  {
    name: 'maxTextChars',
    label: 'Text limit (characters)',
    testId: 'max-text-chars',
    attrs: { type: 'number', min: 1000, max: 10000000 },
    hint: 'The most characters of a posting sent per click; a longer page is cut and the popup offers to send it all.',
  },
];
