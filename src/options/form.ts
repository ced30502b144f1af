// The options form as strings (what inputs hold) <-> a settings draft (what the worker validates).
import type { Scope } from '../core/sections';
import { SettingsSchema, type Mode } from '../core/settings';
import type { PublicSettings } from '../shared/messages';

export interface SettingsForm {
  baseURL: string;
  model: string;
  mode: Mode;
  separator: string;
  stop: string;
  maxTokens: string;
  timeoutSec: string;
  /** The most characters sent per click (maxTextChars). */
  maxTextChars: string;
  scope: Scope;
}

/** Separator and stop hold line breaks; the inputs show them as \n. */
export function escapeControl(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

export function unescapeControl(s: string): string {
  return s.replace(/\\(\\|n|t)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}

export function toForm(s: PublicSettings): SettingsForm {
  return {
    baseURL: s.baseURL,
    model: s.model,
    mode: s.mode,
    separator: escapeControl(s.separator),
    stop: escapeControl(s.stop),
    maxTokens: String(s.maxTokens),
    timeoutSec: String(Math.round(s.timeoutMs / 1000)),
    maxTextChars: String(s.maxTextChars),
    scope: s.scope,
  };
}

export function toDraft(f: SettingsForm): Record<string, unknown> {
  return {
    baseURL: f.baseURL.trim(),
    model: f.model.trim(),
    mode: f.mode,
    separator: unescapeControl(f.separator),
    stop: unescapeControl(f.stop),
    maxTokens: Number(f.maxTokens),
    timeoutMs: Math.round(Number(f.timeoutSec) * 1000),
    maxTextChars: Number(f.maxTextChars),
    scope: f.scope,
  };
}

/** Field messages, keyed by form field, checked in the page before anything is sent. */
export function validateForm(f: SettingsForm): Record<string, string> {
  const parsed = SettingsSchema.safeParse(toDraft(f));
  const issues = parsed.success
    ? {}
    : issuesToForm(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
  // `localhost:11434/v1` parses as a URL with the scheme "localhost:": say what is missing.
  if (!issues.baseURL && !/^https?:\/\//i.test(f.baseURL.trim()))
    issues.baseURL = 'The base URL must start with http:// or https://, e.g. http://localhost:11434/v1';
  return issues;
}

/** Worker field names -> form field names (timeoutMs is shown in seconds). */
export function issuesToForm(issues: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(issues)) {
    if (k === 'timeoutMs') out.timeoutSec = 'The timeout must be between 1 and 120 seconds.';
    else if (k === 'maxTokens') out.maxTokens = 'Max tokens must be a whole number between 16 and 16384.';
    else if (k === 'maxTextChars')
      out.maxTextChars = 'The text limit must be a whole number of characters between 1,000 and 10,000,000.';
    else out[k] = v;
  }
  return out;
}
