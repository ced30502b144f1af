// The whole-posting gold labels (test/fixtures/gold-pages, read by npm run eval:pages): each file
// is well formed, and each names a saved page (or a Lever posting) that exists in ../shared.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EntitiesSchema, ENTITY_TYPES } from '../../src/core/entities';
import { HAS_SHARED, fixturePath, readShared } from '../shared';

const dir = fixturePath('gold-pages');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const gold = files.map((f) => ({
  name: f,
  ...(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as { file: string; posting?: string; entities: unknown }),
}));

describe('gold pages', () => {
  it('at least 10 pages and 10 Lever postings, each with entities in the result shape', () => {
    expect(gold.filter((g) => !g.posting).length).toBeGreaterThanOrEqual(10);
    expect(gold.filter((g) => g.posting).length).toBeGreaterThanOrEqual(10);
    for (const g of gold) {
      const e = EntitiesSchema.parse(g.entities);
      expect(
        ENTITY_TYPES.some((t) => e[t].length > 0),
        g.name,
      ).toBe(true);
    }
  });

  it.skipIf(!HAS_SHARED)('every gold file names a saved page or Lever posting of ../shared/pages', () => {
    const pages = new Set(
      (JSON.parse(readShared('pages', 'pages.json')) as Array<{ file: string }>).map((p) => p.file),
    );
    const lever = new Set(
      (JSON.parse(readShared('pages', 'lever-api-1-leverdemo.json')) as Array<{ id: string }>).map((p) => p.id),
    );
    for (const g of gold) {
      if (g.posting) expect(lever.has(g.posting), g.name).toBe(true);
      else expect(pages.has(g.file), g.name).toBe(true);
    }
  });
});
