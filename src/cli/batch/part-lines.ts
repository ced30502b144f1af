// How a part of a batch run is named to the user: `batch 2/3 batch_abc: in_progress, 4/10 done`.
import type { BatchPart } from './state';

type RequestCounts = { total: number; completed: number; failed: number };

/** "batch 2/3 ID": the part's place among all and its batch id (or what stands for it). */
export function partLabel(part: BatchPart, total: number, id = part.batchId ?? '-'): string {
  return `batch ${part.n + 1}/${total} ${id}`;
}

/** "4/10 done, 1 failed": the server's counts (its total when it has one, else the part's requests). */
export function countsText(counts: RequestCounts, requests: number): string {
  return `${counts.completed}/${counts.total || requests} done${counts.failed ? `, ${counts.failed} failed` : ''}`;
}

/** The progress line of a part while waiting. */
export function partLine(p: BatchPart, total: number): string {
  const counts = p.counts ? countsText(p.counts, p.requests) : `0/${p.requests} done`;
  return `${partLabel(p, total)}: ${p.status ?? 'not submitted'}, ${counts}`;
}
