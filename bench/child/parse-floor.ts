// The floor of the ingest: read every file the ingest reads and parse it with the same parsers, with no passes,
// extraction or merging: YAML front matter, remark + remark-gfm, and, as the ingest reads markdown with inline
// HTML, the document rendered to hast (remark-rehype) and read back once by rehype-parse when it holds raw HTML.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseMarkdown, splitFrontMatter } from '../../scripts/ingest/parse/markdown.ts';
import { reportStatsOnExit } from './report-stats.ts';

reportStatsOnExit();
const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).freeze();
const fromHtml = unified().use(rehypeParse, { fragment: true }).freeze();

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

const content = process.argv[2];
if (!content) throw new Error('usage: parse-floor.ts CONTENT_DIR');
let read = 0;
let parsed = 0;
let reparsed = 0;
for (const file of files(content)) {
  const text = readFileSync(file, 'utf8');
  read++;
  if (!/\.(md|txt)$/.test(file)) continue;
  const { body } = splitFrontMatter(text.replace(/\r\n?/g, '\n'));
  const hast = toHast.runSync(parseMarkdown(body)) as HastRoot;
  let raw = false;
  visit(hast, 'raw', () => {
    raw = true;
    return false;
  });
  if (raw) {
    fromHtml.parse(toHtml(hast, { allowDangerousHtml: true }));
    reparsed++;
  }
  parsed++;
}
console.log(`read ${read} files, parsed ${parsed} documents, ${reparsed} with inline HTML read back`);
