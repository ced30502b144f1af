// Preloaded into a CLI run by bench/scale.ts (node --import): writes the process's peak resident
// memory (KB) to $RSS_PROBE_FILE when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.RSS_PROBE_FILE) writeFileSync(process.env.RSS_PROBE_FILE, String(process.resourceUsage().maxRSS));
});
