// A captured job posting: what capture returns and what providers take.
import { z } from 'zod';
import { SectionSchema } from './sections';

/** Which capture strategy produced the text. */
export const CAPTURE_SOURCES = ['selection', 'jsonld', 'adapter', 'readability', 'largest-block', 'input'] as const;
export const CaptureSourceSchema = z.enum(CAPTURE_SOURCES);
export type CaptureSource = z.infer<typeof CaptureSourceSchema>;

export const PostingSchema = z.object({
  url: z.string(),
  title: z.string(),
  company: z.string(),
  location: z.string(),
  /** The description text: paragraphs and list items separated by line breaks. */
  text: z.string(),
  source: CaptureSourceSchema,
  /** The site adapter that won, when source is 'adapter' (e.g. 'greenhouse'); the site name otherwise when known. */
  site: z.string().optional(),
  /** The posting's sections in page order, when the capture could see its structure. */
  sections: z.array(SectionSchema).optional(),
});
export type Posting = z.infer<typeof PostingSchema>;

/** Minimal posting for providers: only `text` is required. */
export const PostingInputSchema = PostingSchema.partial().extend({ text: z.string() });
export type PostingInput = z.infer<typeof PostingInputSchema>;
