// The progress bar of long commands, on stderr: done / total when the total is known, rate, ETA
// and failures, redrawn in place at most ten times a second. Drawn only on a terminal and without
// --quiet: a log or a pipe gets nothing here (the command prints at most one summary line).
// A dozen lines of our own rather than a dependency: the bar needs no colours, no multi-bars and
// no terminal width detection beyond a fixed width.
import type { CliIO } from './command';

export interface Progress {
  update(done: number, failed?: number): void;
  /** Erase the bar (before the summary line or when the command ends). */
  clear(): void;
}

const NONE: Progress = { update() {}, clear() {} };

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The bar's text for `done` of `total` (undefined: unknown) after `elapsedMs`. */
export function progressLine(
  done: number,
  total: number | undefined,
  failed: number,
  elapsedMs: number,
  width = 30,
): string {
  const secs = elapsedMs / 1000;
  const rate = secs > 0 ? done / secs : 0;
  const rateText = `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`;
  const fail = failed ? `  ${failed} failed` : '';
  if (total === undefined || total <= 0) return `${done} done  ${rateText}  ${duration(secs)}${fail}`;
  const filled = Math.min(width, Math.round((done / total) * width));
  const eta = done > 0 && done < total ? `  ETA ${duration((total - done) / rate)}` : '';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${secs.toFixed(1)}s  ${rateText}${eta}${fail}`;
}

export function createProgress(
  stderr: CliIO['stderr'],
  total: number | undefined,
  opts: { quiet?: boolean } = {},
): Progress {
  if (opts.quiet || !stderr.isTTY || (total !== undefined && total < 2)) return NONE;
  const started = Date.now();
  let lastDraw = 0;
  let lastLength = 0;
  return {
    update(done, failed = 0) {
      const now = Date.now();
      if (lastDraw && now - lastDraw < 100 && done !== total) return;
      lastDraw = now;
      const line = progressLine(done, total, failed, now - started);
      stderr.write(`\r${line}${' '.repeat(Math.max(0, lastLength - line.length))}`);
      lastLength = line.length;
    },
    clear() {
      if (lastLength) stderr.write('\r' + ' '.repeat(lastLength) + '\r');
      lastLength = 0;
    },
  };
}
