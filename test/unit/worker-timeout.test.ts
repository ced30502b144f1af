// A server that never answers: inside the extension each request is capped at 28 s (Chrome stops a
// worker whose fetch waits 30 s), so the message must not say "raise the timeout" when that cannot
// help, and it states the bound on the whole wait.
import { describe, expect, it } from 'vitest';
import { ExtractionError } from '../../src/core/errors';
import { defaultSettings } from '../../src/core/settings';
import { jobCeilingMs, timeoutInfo, withWorkerLimits } from '../../src/background/worker-limits';

describe('timeouts inside the worker', () => {
  it('the whole wait is bounded', () => {
    const s = withWorkerLimits(defaultSettings());
    expect(jobCeilingMs(s)).toBeLessThanOrEqual(90_000);
  });
  it('with the default 45 s timeout capped at 28 s, the message does not ask to raise it and gives the bound', () => {
    const user = defaultSettings();
    const info = timeoutInfo(
      new ExtractionError(
        'timeout',
        'The model m at x did not answer within 28 s. Try again, raise the timeout in the settings, or shorten the posting.',
      ),
      withWorkerLimits(user),
    );
    expect(info.code).toBe('timeout');
    expect(info.message).not.toMatch(/raise the timeout/);
    expect(info.message).toMatch(/28 s/);
    expect(info.message).toMatch(/at most \d+ s in all/);
  });
  it('a timeout below the cap may still be raised', () => {
    const user = { ...defaultSettings(), timeoutMs: 10_000 };
    const info = timeoutInfo(new ExtractionError('timeout', 'x'), withWorkerLimits(user));
    expect(info.message).toMatch(/raise the timeout/);
  });
});
