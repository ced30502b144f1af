// The manifest: MV3, least privilege, no content script on every page, icons that exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { PROJECT_DIR } from '../shared';

describe('manifest.json', () => {
  it('is MV3 with a name and description', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('Job Entities');
    expect(manifest.description.length).toBeGreaterThan(20);
  });
  it('asks only for what it uses', () => {
    // unlimitedStorage: the saved collection of postings (issue 6) may outgrow storage.local's 10 MB.
    // sidePanel: the side panel that follows the active tab (its page is side_panel.default_path).
    expect([...manifest.permissions].sort()).toEqual([
      'activeTab',
      'contextMenus',
      'scripting',
      'sidePanel',
      'storage',
      'unlimitedStorage',
    ]);
    expect(manifest.side_panel.default_path).toBe('src/sidepanel/sidepanel.html');
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });
  it('injects capture only on demand: no content_scripts, no remote code', () => {
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest).not.toHaveProperty('content_security_policy');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });
  it('has a shortcut for the action', () => {
    expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+E');
  });
  it('points at icons that are PNGs of the stated size', () => {
    for (const [size, file] of Object.entries(manifest.icons)) {
      const png = readFileSync(join(PROJECT_DIR, 'public', file));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(Number(size));
      expect(png.readUInt32BE(20)).toBe(Number(size));
    }
  });
  it('its version comes from package.json at build time', () => {
    const config = readFileSync(join(PROJECT_DIR, 'vite.config.ts'), 'utf8');
    expect(config).toMatch(/pkg\.version/);
  });
});
