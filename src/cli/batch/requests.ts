// The requests a record becomes in a batch input file: built the same way when submitting and when
// collecting, so that the answers are read back against the requests that were sent.
import { batchRequestLines } from '../../core/batch';
import type { Settings } from '../../core/settings';
import type { InputRecord } from '../jsonl-records';

/** A record's request lines (one per chunk of its posting), or why it is not sent. */
export function planRecord(record: InputRecord, settings: Settings): ReturnType<typeof batchRequestLines> {
  if (record.error || !record.posting) return { problem: record.error?.message ?? 'empty record' };
  return batchRequestLines(record.posting, record.line, settings, record.id);
}

/** The request lines as they are written to the input file, and their size in bytes. */
export function requestTexts(lines: unknown[]): { texts: string[]; bytes: number } {
  const texts = lines.map((l) => JSON.stringify(l) + '\n');
  return { texts, bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0) };
}
