import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { catalogJsonSchema } from '../../schema/index.ts';
import { ingest, IngestError } from './index.ts';
import { SourceDriftError } from './sources/source.ts';

const program = new Command()
  .name('ingest')
  .description('Read every source under the content folder and write catalog.json and ingest-report.json')
  .option('--content <dir>', 'folder of source documents', 'content')
  .option('--out <dir>', 'output folder', 'build')
  .parse();

const opts = program.opts<{ content: string; out: string }>();
const tty = process.stderr.isTTY;
const started = performance.now();

try {
  const { catalog, report } = ingest({
    contentDir: resolve(opts.content),
    onProgress: tty
      ? (done, total) => {
          if (done % 50 === 0 || done === total) process.stderr.write(`\ringest: ${done}/${total} files`);
        }
      : undefined,
  });
  if (tty) process.stderr.write('\n');
  const out = resolve(opts.out);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'catalog.json'), JSON.stringify(catalog, null, 2) + '\n');
  writeFileSync(join(out, 'ingest-report.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(out, 'catalog.schema.json'), JSON.stringify(catalogJsonSchema(), null, 2) + '\n');
  const c = report.counts;
  const ms = Math.round(performance.now() - started);
  console.log(
    [
      `ingest: ${c.files} files read in ${ms} ms → ${join(opts.out, 'catalog.json')}`,
      `  routines      ${c.routines}`,
      `  structures    ${c.structures}`,
      `  headers       ${c.headers}`,
      `  categories    ${c.categories}`,
      `  replacements  ${c.replacements}`,
      `report: ${join(opts.out, 'ingest-report.json')}`,
      `  repairs       ${c.repairs}`,
      `  merges        ${c.merges}`,
      `  disagreements ${c.disagreements}`,
      `  broken links  ${c.brokenLinks}`,
      `  quarantined   ${c.quarantined}`,
      `  unattested    ${report.unattested.length} (names only their own row states)`,
      `  text passes   ${report.passes.length} lines repaired before parsing`,
      `  ignored files ${report.ignored.length}${report.ignored.length ? ` (${report.ignored.slice(0, 3).map((f) => f.file).join(', ')}${report.ignored.length > 3 ? ', …' : ''})` : ''}`,
    ].join('\n'),
  );
} catch (e) {
  if (tty) process.stderr.write('\n');
  if (e instanceof IngestError) {
    for (const line of e.errors) console.error(line);
  } else if (e instanceof SourceDriftError) {
    console.error(e.message);
  } else {
    console.error(`ingest: ${e instanceof Error ? e.message : String(e)}`);
  }
  process.exitCode = 1;
}
