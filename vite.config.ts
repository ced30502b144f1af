// Builds the MV3 extension: `vite build` into dist/ (Chrome, Edge), `vite build --mode firefox` into
// dist-firefox/ (Firefox >= 140). crxjs reads the manifest (entry points: the background, popup and
// options pages); both manifests come from manifest.json through scripts/manifests.ts. The capture
// script injected on demand is bundled by captureScript().
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { chromeManifest, firefoxManifest } from './scripts/manifests';
import { CAPTURE_SCRIPT_FILE, HIGHLIGHT_SCRIPT_FILE } from './src/shared/capture-file';

/**
 * The capture script, injected on demand with scripting.executeScript({ files }), must be one
 * classic script. crxjs' `?script&iife` output ends with an ES `import` of the worker's chunk (a
 * syntax error in a classic script) and is listed in web_accessible_resources for every http(s)
 * page; so it is built here by a nested vite (rolldown) build as a self-contained IIFE at
 * CAPTURE_SCRIPT_FILE, which needs no web_accessible_resources entry. (esbuild cannot tree-shake
 * zod's namespace: 509 kB against rolldown's 145 kB.)
 */
function captureScript(target: string): Plugin {
  // The highlight script (CSS Custom Highlight API, injected on the user's toggle) is built the same way.
  const scripts = [
    { entry: 'src/content/capture.ts', name: 'jobEntitiesCapture', file: CAPTURE_SCRIPT_FILE },
    { entry: 'src/content/highlight.ts', name: 'jobEntitiesHighlight', file: HIGHLIGHT_SCRIPT_FILE },
  ];
  return {
    name: 'job-entities:capture-script',
    apply: 'build',
    async generateBundle() {
      for (const script of scripts) {
        const out = await build({
          configFile: false,
          logLevel: 'warn',
          build: {
            write: false,
            target,
            minify: true,
            lib: { entry: script.entry, formats: ['iife'], name: script.name, fileName: () => 'script.js' },
          },
        });
        const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
        const chunk = outputs[0].output.find((o) => o.type === 'chunk');
        if (!chunk?.code) throw new Error(`The injected script ${script.entry} produced no code.`);
        this.emitFile({ type: 'asset', fileName: script.file, source: chunk.code });
      }
    },
  };
}

/**
 * A service worker may not call import() (the HTML spec forbids it; Chrome rejects it), but the
 * core loads the offline extractor and its model lazily with import('./...'). In the extension
 * build, relative dynamic imports in src/core become:
 *  - for a .json file (the offline model, ~0.8 MB): a fetch of the file, emitted as an asset, so
 *    the worker still loads it only when the offline extractor is used;
 *  - for code: a static import wrapped in a resolved promise (the worker bundle holds it).
 * (The CLI, bundled by esbuild, keeps them lazy.)
 */
function serviceWorkerSafeImports(): Plugin {
  return {
    name: 'job-entities:service-worker-safe-imports',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/core\/.*\.tsx?$/.test(id) || !code.includes('import(')) return null;
      const hoisted: string[] = [];
      const out = code.replace(/\bimport\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*\)/g, (_m, _q: string, spec: string) => {
        if (spec.endsWith('.json')) {
          // `new URL(literal, import.meta.url)` makes vite emit the file and rewrite the URL.
          return `fetch(new URL(${JSON.stringify(spec)}, import.meta.url)).then((r) => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); }).then((data) => ({ default: data }))`;
        }
        const name = `__jobEntitiesStatic${hoisted.length}`;
        hoisted.push(`import * as ${name} from ${JSON.stringify(spec)};`);
        return `Promise.resolve(${name})`;
      });
      return hoisted.length || out !== code ? { code: hoisted.join('\n') + '\n' + out, map: null } : null;
    },
  };
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  // The version lives in package.json only.
  const target = firefox ? 'firefox140' : 'chrome116';
  const built = firefox ? firefoxManifest(manifest, pkg.version) : chromeManifest(manifest, pkg.version);
  return {
    plugins: [
      serviceWorkerSafeImports(),
      preact(),
      crx({ manifest: built as unknown as ManifestV3Export, browser: firefox ? 'firefox' : 'chrome' }),
      captureScript(target),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target,
      // Vite's preload helper touches `document`, which the service worker lacks.
      modulePreload: false,
      sourcemap: false,
      minify: true,
      // Extension pages the manifest does not name (crxjs builds the manifest's own entry points).
      rolldownOptions: {
        input: {
          collection: 'src/collection/collection.html',
          profile: 'src/profile/profile.html',
          sidepanel: 'src/sidepanel/sidepanel.html',
        },
      },
    },
    server: { strictPort: true, port: 5173, hmr: { port: 5173 } },
  };
});
