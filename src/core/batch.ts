// The Batch API (OpenAI, Azure OpenAI batch deployments, vLLM's run_batch): postings become lines
// of a JSONL input file, each the very request `extract` would send, and the output lines (in any
// order, keyed by custom_id) become the same results and error lines `extract` gives. Pure: the
// CLI reads and writes the files, this module only builds and reads lines.
export * from './batch-requests';
export * from './batch-output';
export * from './batch-client';
