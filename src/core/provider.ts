// The provider contract: every way of extracting entities (an OpenAI-compatible model, the
// embedded offline extractor) implements it, in Node, the service worker and the popup alike.
import type { ExtractionResult } from './entities';
import type { PostingInput } from './posting';
import type { Settings } from './settings';

export interface Provider {
  /** 'openai' | 'local' */
  readonly id: string;
  /**
   * Extract entities from one posting. Throws ExtractionError (see errors.ts) on failure;
   * a cancelled signal throws ExtractionError('cancelled').
   */
  extract(posting: PostingInput, settings: Settings, signal?: AbortSignal): Promise<ExtractionResult>;
}
