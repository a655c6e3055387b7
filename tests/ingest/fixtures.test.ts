import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../scripts/ingest/index.ts';
import type { Catalog, IngestReport } from '../../schema/index.ts';

const root = join(import.meta.dirname, 'fixtures');

/**
 * What a fixture pins: every record in full and the report's repairs, quarantines, broken links and passes.
 * `UPDATE=1 npx vitest run tests/ingest/fixtures.test.ts` rewrites the expectations after a deliberate change.
 */
function project(catalog: Catalog, report: IngestReport) {
  return {
    catalog,
    report: {
      repairs: report.repairs,
      quarantined: report.quarantined,
      brokenLinks: report.brokenLinks,
      passes: report.passes,
      disagreements: report.disagreements,
    },
  };
}

describe('each fixture corpus ingests to its expected catalog and report', () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!existsSync(join(dir, 'content'))) continue;
    it(name, () => {
      const { catalog, report } = ingest({ contentDir: join(dir, 'content') });
      const actual = JSON.parse(JSON.stringify(project(catalog, report)));
      const file = join(dir, 'expected.json');
      if (process.env.UPDATE === '1' || !existsSync(file)) writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
