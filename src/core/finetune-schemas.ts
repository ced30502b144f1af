// What the fine-tuning API answers, as zod schemas (the fields this project reads; the rest passes
// through), and the shapes of what the client is asked and reports.
import { z } from 'zod';

/** A file object (POST /files). */
export const FileObjectSchema = z.looseObject({
  id: z.string().min(1),
  bytes: z.number(),
});

/** A fine-tuning job (create, retrieve, cancel, list). The status stays open: servers add their own. */
export const FineTuningJobSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  model: z.string(),
  training_file: z.string(),
  validation_file: z.string().nullish(),
  fine_tuned_model: z.string().nullish(),
  created_at: z.number().nullish(),
  finished_at: z.number().nullish(),
  trained_tokens: z.number().nullish(),
  error: z.looseObject({ message: z.string().nullish(), code: z.string().nullish() }).nullish(),
});

/** One event of a job (`type: 'metrics'` events carry step, total_steps and train_loss in `data`). */
export const FineTuningJobEventSchema = z.looseObject({
  id: z.string().min(1),
  created_at: z.number().nullish(),
  level: z.string(),
  message: z.string(),
  type: z.string().nullish(),
  data: z.unknown().optional(),
});

const pageOf = <T extends z.ZodType>(item: T) =>
  z.looseObject({ data: z.array(item), has_more: z.boolean().nullish() });
export const FineTuningJobPageSchema = pageOf(FineTuningJobSchema);
export const FineTuningJobEventPageSchema = pageOf(FineTuningJobEventSchema);

export type FileObject = z.infer<typeof FileObjectSchema>;
export type FineTuningJob = z.infer<typeof FineTuningJobSchema>;
export type FineTuningJobEvent = z.infer<typeof FineTuningJobEventSchema>;

export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['succeeded', 'failed', 'cancelled']);

export interface FineTuneConnection {
  baseURL: string;
  /** May be empty for servers without keys; a placeholder is sent then (the SDK insists on one). */
  apiKey: string;
  timeoutMs?: number;
  maxRetries?: number;
}

export interface JobRequest {
  model: string;
  trainingFile: string;
  validationFile?: string;
  suffix?: string;
  epochs?: number;
  seed?: number;
}

export interface JobUpdate {
  job: FineTuningJob;
  /** Events not reported before, oldest first. */
  events: FineTuningJobEvent[];
  /** True when the status differs from the previous update (always true on the first). */
  statusChanged: boolean;
}
