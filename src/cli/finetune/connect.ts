// The connection flags of every `finetune` subcommand, and the client they make.
import { FineTuningClient } from '../../core/finetune';
import type { CliIO } from '../command';
import { PROVIDER_OPTIONS, settingsFromFlags } from '../settings-from-flags';

export const CONNECTION_OPTIONS = {
  'base-url': PROVIDER_OPTIONS['base-url'],
  'api-key': PROVIDER_OPTIONS['api-key'],
  timeout: PROVIDER_OPTIONS.timeout,
  retries: PROVIDER_OPTIONS.retries,
} as const;

export type ConnectionValues = { 'base-url'?: string; 'api-key'?: string; timeout?: string; retries?: string };

export function connect(values: ConnectionValues, io: CliIO): FineTuningClient {
  // The shared flag parser validates the URL and numbers and reads the environment; the model is
  // not used here, a placeholder keeps its "a base URL needs a model" rule quiet.
  const s = settingsFromFlags({ ...values, provider: 'openai', model: 'fine-tuning' }, io.env);
  return new FineTuningClient({
    baseURL: s.baseURL,
    apiKey: s.apiKey,
    timeoutMs: values.timeout === undefined ? 120_000 : s.timeoutMs,
    maxRetries: s.maxRetries,
  });
}
