import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { findByName, UsageError, type Entity } from './catalog.ts';
import { FILTER_KEYS, nearest, parseFilters, passes } from './filters.ts';
import { ANSI, formatEntity, formatTable, PLAIN, type Style } from './format.ts';
import { rankSearch } from './rank.ts';
import { openCatalog } from './view.ts';

/** Exit codes: the contract tools rely on. */
export const EXIT = { ok: 0, unknownName: 1, usage: 2 } as const;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour and width only when a person is reading a terminal. */
  color: boolean;
  columns?: number;
  /** `build/catalog.json` of the repository the command belongs to. */
  defaultCatalog: string;
  /** Where to keep the catalog's index between runs; without it every run parses the whole catalog. */
  cacheDir?: string;
}

const DEFAULT_LIMIT = 20;

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return Number(value);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Runs `ddi` with the words after the command name and returns the exit code. Everything it prints goes
 * through `io`, so the tests can run it in-process as well as through the real bin.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const style: Style = io.color ? ANSI : PLAIN;
  let exitCode: number = EXIT.ok;

  const program = new Command()
    .name('ddi')
    .description('Look up Windows kernel driver support routines in the DDI Atlas catalog (offline).')
    .option('--catalog <file>', 'catalog to read', io.defaultCatalog)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 success (also when nothing matches), 1 unknown name for show, 2 bad usage or unreadable catalog.',
        '',
        'Examples:',
        '  ddi show ExAcquireRundownProtection',
        '  ddi search "acquire spin" --limit 5',
        '  ddi query irql:DISPATCH_LEVEL takes:PEX_RUNDOWN_REF --json',
      ].join('\n'),
    );

  const catalogFor = (command: Command) => openCatalog(command.optsWithGlobals<{ catalog: string }>().catalog, io.cacheDir);

  program
    .command('show')
    .description('print one routine or structure; an alias (garbled spelling, role name, pointer typedef) shows its record')
    .argument('<name>', 'name or alias, case-insensitive when that is unambiguous')
    .option('--json', 'print the record as JSON')
    .action((name: string, options: { json?: boolean }, command: Command) => {
      if (name.trim() === '') throw new UsageError('show needs a name');
      const view = catalogFor(command);
      const found = findByName(view.entries, name);
      if (found === null) {
        const ranked = rankSearch(name, view.entries)
          .filter((hit) => hit.tier !== 'text')
          .slice(0, 5)
          .map((hit) => view.entries[hit.index]!.name);
        const suggestions = ranked.length > 0 ? ranked : nearest(name, view.entries.map((entry) => entry.name), 5);
        io.stderr(`ddi: no routine or structure named "${name}"${suggestions.length > 0 ? `; did you mean: ${suggestions.join(', ')}` : ''}\n`);
        exitCode = EXIT.unknownName;
        return;
      }
      const entity = view.entity(found.index);
      io.stdout(options.json ? json(entity.record) : `${formatEntity(entity, style, found.via)}\n`);
    });

  program
    .command('search')
    .description('find routines and structures by name: exact, prefix, camelCase words ("acquire spin"), typos ("rundwon"), then summary words')
    .argument('<text...>', 'what to look for (several words are one query)')
    .option('--json', 'print the matching records as a JSON array')
    .option('--limit <n>', 'at most this many results', positiveInteger, DEFAULT_LIMIT)
    .action((words: string[], options: { json?: boolean; limit: number }, command: Command) => {
      const view = catalogFor(command);
      const text = words.join(' ');
      const hits = rankSearch(text, view.entries, { limit: options.limit, textOf: view.summary });
      print(
        hits.map((hit) => view.entity(hit.index)),
        options.json === true,
        `nothing matches "${text}"`,
      );
    });

  const keys = Object.entries(FILTER_KEYS)
    .map(([key, meaning]) => `  ${`${key}:`.padEnd(10)} ${meaning}`)
    .join('\n');
  program
    .command('query')
    .description('list the routines that pass every filter (key:value terms, combined with AND)')
    .argument('<filter...>', 'key:value terms')
    .option('--json', 'print the matching records as a JSON array')
    .addHelpText('after', `\nFilters:\n${keys}\n\nExample: ddi query header:wdm.h irql:DISPATCH_LEVEL has:replacement`)
    .action((terms: string[], options: { json?: boolean }, command: Command) => {
      const view = catalogFor(command);
      const filters = parseFilters(terms, view.context());
      const order = (index: number) => view.entries[index]!.name;
      const matches = view.entries
        .flatMap((_, index) => {
          const facts = view.facts(index);
          return facts !== null && passes(facts, filters) ? [index] : [];
        })
        .sort((a, b) => {
          const x = order(a).toLowerCase();
          const y = order(b).toLowerCase();
          return x < y ? -1 : x > y ? 1 : order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : a - b;
        });
      print(
        matches.map((index) => view.entity(index)),
        options.json === true,
        `no routine passes ${terms.join(' ')}`,
      );
    });

  function print(rows: readonly Entity[], asJson: boolean, empty: string): void {
    if (asJson) {
      io.stdout(json(rows.map((row) => row.record)));
    } else if (rows.length === 0) {
      io.stderr(`ddi: ${empty}\n`);
    } else {
      io.stdout(`${formatTable(rows, style, io.columns)}\n`);
    }
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`ddi: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}
