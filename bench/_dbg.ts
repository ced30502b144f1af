import { readFileSync } from 'node:fs';
import { sectionsFromText } from '../src/core/section-split';
import { captureHtml } from '../src/cli/dom';
import { cueScores } from '../src/core/section-classify';
for (const f of process.argv.slice(2)) {
  if (f.startsWith('cue:')) { console.log(cueScores(f.slice(4))); continue; }
  if (f.startsWith('sel:')) { const p = captureHtml('<html><body><p>page</p></body></html>', 'https://shop.example/jobs/1', f.slice(4).replace(/\\n/g, '\n')); console.log(p.sections); continue; }
  const t = f.startsWith('text:') ? f.slice(5).replace(/\\n/g, '\n') : readFileSync(f, 'utf8');
  const s = f.endsWith('.html') ? captureHtml(t, 'https://boards.greenhouse.io/x/jobs/1').sections! : sectionsFromText(t);
  console.log('== ' + f.slice(0, 40));
  for (const x of s) console.log(`  [${x.kind}] ${JSON.stringify(x.heading)}: ${x.text.replace(/\n/g, ' | ').slice(0, 150)}`);
}
