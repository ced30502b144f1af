// What the injected capture script leaves in the page's isolated world and what it returns; the
// worker imports this (not the capture script itself, which would pull capture code into it).
import { z } from 'zod';
import { ErrorInfoSchema } from '../core/errors';
import { PostingSchema } from '../core/posting';

export { CAPTURE_GLOBAL, CAPTURE_SCRIPT_FILE } from './capture-file';

export const CaptureOutcomeSchema = z.union([
  z.object({ ok: z.literal(true), posting: PostingSchema }),
  z.object({ ok: z.literal(false), error: ErrorInfoSchema }),
]);
export type CaptureOutcome = z.infer<typeof CaptureOutcomeSchema>;
