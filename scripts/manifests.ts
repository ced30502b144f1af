// The two manifests the build writes, from one source (manifest.json): Chrome and Edge take it as
// it is (plus package.json's version); Firefox gets it through firefoxManifest(), so no second
// manifest is kept by hand. vite.config.ts and the manifest unit test both use these functions.

/** A manifest as JSON (the fields this file reads or writes are typed where it matters). */
export type Manifest = Record<string, unknown> & {
  version?: string;
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  permissions?: string[];
  side_panel?: { default_path?: string };
  action?: { default_title?: string; default_icon?: Record<string, string> };
};

/**
 * The add-on's permanent id in Firefox. It must never change: Firefox Add-ons ties the listing,
 * updates and the user's stored data to it. A GUID, because the e-mail-like form would name a
 * domain the project does not own.
 */
export const GECKO_ID = '{6f6f68cb-f5a1-4a70-84f1-12ebf59ba060}';

/** Firefox 140 ESR is the oldest release with data_collection_permissions and everything the extension uses. */
export const FIREFOX_MIN_VERSION = '140.0';

/**
 * What Firefox asks add-ons to declare before install. The posting's text (website content) goes
 * to the model server the user configured, when one is configured; nothing goes to the project.
 */
export const DATA_COLLECTION = { required: ['websiteContent'] } as const;

/** The version from package.json in the form browsers accept: 1-4 dot-separated integers. */
export function manifestVersion(pkgVersion: string): string {
  return pkgVersion.replace(/[^\d.].*$/, '');
}

/** Chrome and Edge: the source manifest with the package's version. */
export function chromeManifest(source: Manifest, pkgVersion: string): Manifest {
  return { ...structuredClone(source), version: manifestVersion(pkgVersion) };
}

/**
 * Firefox (>= 140): an event page with module scripts instead of a service worker (Firefox refuses
 * background.service_worker), its add-on id and data-collection declaration, the side panel as a
 * sidebar, and no Chrome-only keys.
 */
export function firefoxManifest(source: Manifest, pkgVersion: string): Manifest {
  const m = chromeManifest(source, pkgVersion);
  const worker = m.background?.service_worker;
  if (worker) m.background = { scripts: [worker], type: 'module' };
  delete m.minimum_chrome_version;
  if (m.side_panel) {
    const panel = m.side_panel.default_path;
    delete m.side_panel;
    if (panel)
      m.sidebar_action = {
        default_panel: panel,
        default_title: m.action?.default_title ?? String(m.name),
        ...(m.action?.default_icon ? { default_icon: m.action.default_icon } : {}),
      };
  }
  if (m.permissions) m.permissions = m.permissions.filter((p) => p !== 'sidePanel');
  m.browser_specific_settings = {
    gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: DATA_COLLECTION },
  };
  return m;
}
