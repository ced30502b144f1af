// What `finetune start --wait` shows while the job runs: status changes, events, and the
// training steps as a bar.
import type { JobUpdate } from '../../core/finetune';
import type { CliIO } from '../command';

export function progressReporter(io: Pick<CliIO, 'stderr'>) {
  const started = Date.now();
  // On a terminal the training-step bar is redrawn in place; in a log every step is its own line.
  const tty = Boolean(io.stderr.isTTY);
  let barShown = false;
  const stamp = () => {
    const s = Math.round((Date.now() - started) / 1000);
    return `[${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}]`;
  };
  const line = (text: string) => {
    io.stderr.write((barShown ? '\n' : '') + text + '\n');
    barShown = false;
  };
  return (u: JobUpdate) => {
    for (const e of u.events) {
      const d = (e.data ?? {}) as { step?: unknown; total_steps?: unknown; train_loss?: unknown };
      if (
        e.type === 'metrics' &&
        typeof d.step === 'number' &&
        typeof d.total_steps === 'number' &&
        d.total_steps > 0
      ) {
        const width = 20;
        const done = Math.min(width, Math.round((d.step / d.total_steps) * width));
        const loss = typeof d.train_loss === 'number' ? `  loss ${d.train_loss.toFixed(3)}` : '';
        const bar = `${stamp()} step ${d.step}/${d.total_steps} [${'#'.repeat(done)}${'-'.repeat(width - done)}]${loss}`;
        if (tty) {
          io.stderr.write(`\r${bar}`);
          barShown = true;
        } else line(bar);
      } else line(`${stamp()} ${e.level === 'info' ? '' : e.level + ': '}${e.message}`);
    }
    if (u.statusChanged) line(`${stamp()} status: ${u.job.status}`);
  };
}
