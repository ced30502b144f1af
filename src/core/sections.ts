// A posting's structure: ordered sections, each with the heading the page shows and a kind.
// The extractor reads only what the job asks for (requirements, nice-to-have, responsibilities)
// unless the scope is 'whole'. Classification and splitting live beside these types.
import { z } from 'zod';

export const SECTION_KINDS = [
  'requirements',
  'nice-to-have',
  'responsibilities',
  'company',
  'benefits',
  'legal',
  'process',
  'other',
] as const;
export const SectionKindSchema = z.enum(SECTION_KINDS);
export type SectionKind = z.infer<typeof SectionKindSchema>;

/** The kinds the extractor reads in scope 'focused', in page order. */
export const FOCUSED_KINDS: readonly SectionKind[] = ['requirements', 'nice-to-have', 'responsibilities'];

export const SectionSchema = z.object({
  /** The heading as the page shows it ('' for text before the first heading). */
  heading: z.string(),
  kind: SectionKindSchema,
  text: z.string(),
});
export type Section = z.infer<typeof SectionSchema>;

/** 'focused': the requirement-like sections only; 'whole': the whole posting text. */
export const ScopeSchema = z.enum(['focused', 'whole']);
export type Scope = z.infer<typeof ScopeSchema>;
