// The two manifests the build writes (scripts/manifests.ts): Chrome/Edge (dist/) and Firefox
// (dist-firefox/), both from manifest.json. What each store and browser checks, checked here first.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import { chromeManifest, FIREFOX_MIN_VERSION, firefoxManifest, GECKO_ID, type Manifest } from '../../scripts/manifests';
import { PROJECT_DIR } from '../shared';

/** The permissions README.md lists under "Permissions, and why" (the same in both builds). */
const PERMISSIONS = ['activeTab', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage'];
const HOST_PERMISSIONS = ['https://api.openai.com/*', 'http://localhost/*', 'http://127.0.0.1/*'];
const OPTIONAL_HOST_PERMISSIONS = ['https://*/*', 'http://*/*'];

const chrome = chromeManifest(manifest as Manifest, pkg.version);
const firefox = firefoxManifest(manifest as Manifest, pkg.version);
const builds = [
  ['chrome', chrome],
  ['firefox', firefox],
] as const;

describe.each(builds)('the %s manifest', (_name, m) => {
  it("carries package.json's version", () => {
    expect(m.version).toBe(pkg.version);
    expect(m.version).toMatch(/^\d+(\.\d+){0,3}$/);
  });
  it("has a description the stores accept (132 characters at most), the same as package.json's", () => {
    expect(typeof m.description).toBe('string');
    expect(String(m.description).length).toBeLessThanOrEqual(132);
    expect(pkg.description).toBe(m.description);
  });
  it('asks for the documented permissions only', () => {
    // sidePanel is Chrome's: the Firefox build turns the side panel into a sidebar_action.
    expect([...(m.permissions ?? [])].sort()).toEqual(
      m === chrome ? [...PERMISSIONS, 'sidePanel'].sort() : PERMISSIONS,
    );
    expect(m.host_permissions).toEqual(HOST_PERMISSIONS);
    expect(m.optional_host_permissions).toEqual(OPTIONAL_HOST_PERMISSIONS);
    const readme = readFileSync(join(PROJECT_DIR, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Permissions, and why'));
    for (const p of [...(m.permissions ?? []), ...HOST_PERMISSIONS]) expect(section).toContain(`\`${p}\``);
  });
  it('points at icons that exist as PNGs of the stated size', () => {
    const icons = m.icons as Record<string, string>;
    expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const [size, file] of Object.entries(icons)) {
      const path = join(PROJECT_DIR, 'public', file);
      expect(existsSync(path)).toBe(true);
      const png = readFileSync(path);
      expect(png.readUInt32BE(16)).toBe(Number(size));
    }
  });
});

describe('Chrome and Edge (dist/)', () => {
  it('run the background as a module service worker', () => {
    expect(chrome.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });
});

describe('Firefox (dist-firefox/)', () => {
  it('runs the background as a module event page (Firefox refuses background.service_worker)', () => {
    expect(firefox.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
  });
  it('has its permanent add-on id, Firefox 140 as the minimum and an honest data-collection declaration', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['websiteContent'] },
      },
    });
    expect(GECKO_ID).toBe('{6f6f68cb-f5a1-4a70-84f1-12ebf59ba060}');
    expect(FIREFOX_MIN_VERSION).toBe('140.0');
  });
  it('drops Chrome-only keys', () => {
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox).not.toHaveProperty('side_panel');
    expect(firefox.permissions).not.toContain('sidePanel');
  });
  it('maps a Chrome side panel to a Firefox sidebar', () => {
    const withPanel = firefoxManifest(
      {
        ...(manifest as Manifest),
        side_panel: { default_path: 'src/panel/panel.html' },
        permissions: [...manifest.permissions, 'sidePanel'],
      },
      pkg.version,
    );
    expect(withPanel.sidebar_action).toEqual({
      default_panel: 'src/panel/panel.html',
      default_title: manifest.action.default_title,
      default_icon: manifest.action.default_icon,
    });
    expect(withPanel).not.toHaveProperty('side_panel');
    expect(withPanel.permissions).not.toContain('sidePanel');
  });
  it('leaves the source manifest untouched', () => {
    expect(manifest.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
  });
});
