import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { entities, findEntity, loadCatalog, UsageError, type Entity } from './catalog.ts';
import { applyFilters, FILTER_KEYS, nearest, parseFilters } from './filters.ts';
import { ANSI, formatEntity, formatTable, PLAIN, type Style } from './format.ts';
import { rankSearch } from './rank.ts';

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

  const catalogFor = (command: Command) => loadCatalog(command.optsWithGlobals<{ catalog: string }>().catalog);

  program
    .command('show')
    .description('print one routine or structure; an alias (garbled spelling, role name, pointer typedef) shows its record')
    .argument('<name>', 'name or alias, case-insensitive when that is unambiguous')
    .option('--json', 'print the record as JSON')
    .action((name: string, options: { json?: boolean }, command: Command) => {
      const all = entities(catalogFor(command));
      const found = findEntity(all, name);
      if (found === null) {
        const ranked = rankSearch(name, all.map((entity) => entity.record))
          .filter((hit) => hit.tier !== 'text')
          .slice(0, 5)
          .map((hit) => all[hit.index]!.record.name);
        const suggestions = ranked.length > 0 ? ranked : nearest(name, all.map((entity) => entity.record.name), 5);
        io.stderr(`ddi: no routine or structure named "${name}"${suggestions.length > 0 ? `; did you mean: ${suggestions.join(', ')}` : ''}\n`);
        exitCode = EXIT.unknownName;
        return;
      }
      io.stdout(options.json ? json(found.entity.record) : `${formatEntity(found.entity, style, found.via)}\n`);
    });

  program
    .command('search')
    .description('find routines and structures by name: exact, prefix, camelCase words ("acquire spin"), typos ("rundwon"), then summary words')
    .argument('<text...>', 'what to look for (several words are one query)')
    .option('--json', 'print the matching records as a JSON array')
    .option('--limit <n>', 'at most this many results', positiveInteger, DEFAULT_LIMIT)
    .action((words: string[], options: { json?: boolean; limit: number }, command: Command) => {
      const all = entities(catalogFor(command));
      const text = words.join(' ');
      const hits = rankSearch(
        text,
        all.map((entity) => ({ name: entity.record.name, aliases: entity.record.aliases, text: entity.record.summary })),
      ).slice(0, options.limit);
      const rows = hits.map((hit) => all[hit.index]!);
      print(rows, options.json === true, `nothing matches "${text}"`);
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
      const catalog = catalogFor(command);
      const filters = parseFilters(terms, catalog);
      const routines = applyFilters(catalog.routines, filters).sort((a, b) => {
        const x = a.name.toLowerCase();
        const y = b.name.toLowerCase();
        return x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
      });
      print(
        routines.map((record): Entity => ({ type: 'routine', record })),
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
