// The extension's storage areas and change events, as the storage items take them (unit tests and
// the worker's runJob pass in-memory areas instead).
import browser from 'webextension-polyfill';
import type { Areas } from './storage-item';

export const browserAreas: Areas = {
  get local() {
    return browser.storage.local;
  },
  get session() {
    return browser.storage.session;
  },
  get sync() {
    return browser.storage.sync;
  },
  get onChanged() {
    return browser.storage.onChanged;
  },
};
