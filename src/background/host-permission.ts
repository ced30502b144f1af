// The extension reaches a model server without CORS trouble only with host permission for it. The
// manifest grants the OpenAI API and localhost; any other host is an optional permission that the
// options page requests when the user saves it.
import browser from 'webextension-polyfill';
import { ExtractionError } from '../core/errors';
import { originPattern } from '../shared/server-origin';

export async function ensureHostPermission(baseURL: string): Promise<void> {
  let pattern: string;
  try {
    pattern = originPattern(baseURL);
  } catch {
    throw new ExtractionError(
      'no_model',
      `The base URL "${baseURL}" is not a valid URL. Fix it in the extension's options.`,
    );
  }
  const granted = await browser.permissions.contains({ origins: [pattern] });
  if (!granted) {
    throw new ExtractionError(
      'host_permission',
      `The extension has no permission to reach ${new URL(baseURL).host}. Open the options and click Save to grant it (your browser will ask).`,
    );
  }
}
