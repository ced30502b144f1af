// The built extension in dist/: what Chrome will load (run after `npm run build:ext`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { CAPTURE_SCRIPT_FILE } from '../../src/shared/capture-file';
import { GECKO_ID } from '../../scripts/manifests';
import { DIST_DIR, PROJECT_DIR } from './fixtures';

const manifest = JSON.parse(readFileSync(join(DIST_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe('dist/', () => {
  it("carries package.json's version", () => {
    expect(manifest.version).toBe(pkg.version);
  });
  it('exposes nothing to web pages and injects nothing on its own', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest).not.toHaveProperty('content_security_policy');
  });
  it('ships the capture script as one classic script (executeScript cannot load modules)', () => {
    const code = readFileSync(join(DIST_DIR, CAPTURE_SCRIPT_FILE), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(() => new Function(code)).not.toThrow();
  });
  it('has no remote code: every script and style is a file in the package', () => {
    for (const page of ['src/popup/popup.html', 'src/options/options.html']) {
      const html = readFileSync(join(DIST_DIR, page), 'utf8');
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
  });
});

describe('dist-firefox/', () => {
  const ffManifest = JSON.parse(readFileSync(join(PROJECT_DIR, 'dist-firefox', 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  it('is the Firefox form of the same manifest: an event page of module scripts, the gecko id', () => {
    expect(ffManifest.version).toBe(pkg.version);
    expect(ffManifest.background).toMatchObject({ type: 'module', scripts: [expect.stringMatching(/\.js$/)] });
    expect(ffManifest.background).not.toHaveProperty('service_worker');
    expect(ffManifest).toHaveProperty('browser_specific_settings.gecko.id', GECKO_ID);
    expect(ffManifest).not.toHaveProperty('minimum_chrome_version');
    // Chrome's side panel is Firefox's sidebar, on the same page, without Chrome's permission for it.
    expect(ffManifest).toHaveProperty(
      'sidebar_action.default_panel',
      (manifest.side_panel as { default_path: string }).default_path,
    );
    expect(ffManifest).not.toHaveProperty('side_panel');
    expect(ffManifest.permissions).toEqual((manifest.permissions as string[]).filter((p) => p !== 'sidePanel'));
    // Everything but the background, the side panel and the browser-only keys equals the Chrome build.
    const strip = (m: Record<string, unknown>) => {
      const {
        background: _b,
        browser_specific_settings: _s,
        minimum_chrome_version: _v,
        side_panel: _p,
        sidebar_action: _a,
        permissions: _m,
        ...rest
      } = m;
      return rest;
    };
    expect(strip(ffManifest)).toEqual(strip(manifest));
  });
  it('ships the same capture script as a classic script', () => {
    const code = readFileSync(join(PROJECT_DIR, 'dist-firefox', CAPTURE_SCRIPT_FILE), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });
});
