import type { RoutineFact } from '../facts.ts';
import { nameFamilyPlaceholder } from '../passes/name-family-placeholder.ts';
import { nameFusedDescription } from '../passes/name-fused-description.ts';
import { nameLostLetter } from '../passes/name-lost-letter.ts';
import type { Attested, NamePass, NameRow } from '../passes/name-rows.ts';
import { nameStrayPipe } from '../passes/name-stray-pipe.ts';
import type { ReadContext } from './source.ts';

/** The name passes every table and list source runs, in order. */
export const NAME_PASSES: readonly NamePass[] = [nameStrayPipe, nameFusedDescription, nameFamilyPlaceholder, nameLostLetter];

/**
 * Names some source attests besides the rows being checked: every name of a reference page or link, and
 * every identifier mentioned in any document more often than these rows spell it themselves.
 */
export function attestedFor(rows: NameRow[], ctx: ReadContext): Attested {
  const own = new Map<string, number>();
  // Every identifier a name cell holds counts as the row's own spelling, not as a mention elsewhere.
  for (const r of rows) for (const m of r.name.matchAll(/\b[A-Za-z_][A-Za-z0-9_]*[A-Z_][A-Za-z0-9_]*/g)) own.set(m[0], (own.get(m[0]) ?? 0) + 1);
  return { has: (n) => ctx.index.has(n) || (ctx.mentions.get(n) ?? 0) > (own.get(n) ?? 0) };
}

/** Runs the name passes over rows and records their repairs and quarantines. */
export function checkNames(rows: NameRow[], ctx: ReadContext, passes: readonly NamePass[] = NAME_PASSES): NameRow[] {
  const attested = attestedFor(rows, ctx);
  let current = rows;
  for (const pass of passes) {
    const r = pass(current, attested);
    for (const x of r.repairs) ctx.report.repair(x.at, x.from, x.to, x.rule);
    for (const q of r.quarantined) ctx.report.quarantine(q.at, q.raw, q.reason, q.detail);
    current = r.rows;
  }
  for (const r of current) if (!attested.has(r.name)) ctx.report.unattested(r.at, r.name);
  return current;
}

export function factFromRow(row: NameRow, extra: Partial<RoutineFact> = {}): RoutineFact {
  return { name: row.name, origin: 'table', source: row.at, aliases: row.aliases, summary: row.description, ...extra };
}
