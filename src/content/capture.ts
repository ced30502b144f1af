// The capture script, injected into the user's tab only when they act (toolbar button, shortcut,
// context menu) with scripting.executeScript. It only registers one function in the extension's
// isolated world; the worker then calls it with a second executeScript and receives its return
// value (validated there with PostingSchema). It never sees the API key and sends no messages.
import { CAPTURE_GLOBAL } from '../shared/capture-file';
import { captureCurrentPage } from './capture-page';

(globalThis as Record<string, unknown>)[CAPTURE_GLOBAL] = captureCurrentPage;
