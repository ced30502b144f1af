// The saved collection's shape: a posting with the user's tracking (status, notes), and the JSON
// backup that carries the collection.
import { z } from 'zod';
import { EntitiesSchema } from '../entities';

/** The application pipeline, in order: the status column's choices and the status filter's. */
export const POSTING_STATUSES = ['New', 'Contacted', 'Applied', 'Interview', 'Offer', 'Rejected'] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];
export const NOTES_MAX = 10_000;

export const SavedPostingSchema = z.object({
  url: z.string().min(1).max(4096),
  title: z.string().max(1000),
  company: z.string().max(1000),
  location: z.string().max(1000),
  /** When it was captured, ISO 8601 (`2026-11-26T05:30:00.000Z`). */
  capturedAt: z.iso.datetime({ offset: true }),
  entities: EntitiesSchema,
  /** The model id that extracted it (`local` for the offline extractor). */
  model: z.string(),
  /** 'openai' | 'local' */
  provider: z.string(),
  /** Where the user is with this application. Rows saved before statuses existed read as New. */
  status: z.enum(POSTING_STATUSES).default('New'),
  /** The user's own notes; rows saved before notes existed read as empty. */
  notes: z.string().max(NOTES_MAX).default(''),
});
export type SavedPosting = z.infer<typeof SavedPostingSchema>;
/** A posting as written by hand or by an older version: status and notes may be missing. */
export type SavedPostingInput = z.input<typeof SavedPostingSchema>;

export const CollectionSchema = z.array(SavedPostingSchema);
export type Collection = SavedPosting[];

export const BACKUP_FORMAT = 'job-entities-collection';
/** Version 2 added status and notes to each posting; version 1 backups read with the defaults. */
export const BACKUP_VERSION = 2;
export const READABLE_BACKUP_VERSIONS = [1, 2] as const;

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(READABLE_BACKUP_VERSIONS),
  exportedAt: z.iso.datetime({ offset: true }),
  postings: CollectionSchema.max(100_000),
});
export type Backup = z.infer<typeof BackupSchema>;
