import type { IngestReport, SourceRef } from '../../schema/index.ts';

type Quarantined = IngestReport['quarantined'][number];
type Repair = IngestReport['repairs'][number];
type Merge = IngestReport['merges'][number];
type Disagreement = IngestReport['disagreements'][number];
type BrokenLink = IngestReport['brokenLinks'][number];

/**
 * Collects everything the pipeline did to the input besides copying it: the report is how a reader checks
 * that nothing was lost or invented. Entries are sorted on output so that the report is deterministic.
 */
export class ReportBuilder {
  readonly quarantined: Quarantined[] = [];
  readonly repairs: Repair[] = [];
  readonly merges: Merge[] = [];
  readonly disagreements: Disagreement[] = [];
  readonly brokenLinks: BrokenLink[] = [];
  /** Text passes applied to a file before parsing (pipes restored, mojibake fixed, …), with the line they touched. */
  readonly passes: { file: string; line: number; pass: string }[] = [];
  /** Names only their own row states (no page, link or mention elsewhere): kept, but unverifiable. */
  readonly unattestedNames: { file: string; line: number; name: string }[] = [];
  readonly ignored: { file: string; reason: string }[] = [];
  private readonly seenRepairs = new Set<string>();
  private readonly seenLinks = new Set<string>();

  quarantine(at: SourceRef, raw: string, reason: Quarantined['reason'], detail: string): void {
    this.quarantined.push({ file: at.file, line: at.line, raw, reason, detail });
  }

  repair(at: SourceRef, from: string, to: string, rule: string): void {
    const key = `${at.file}\0${at.line}\0${from}\0${to}\0${rule}`;
    if (this.seenRepairs.has(key)) return;
    this.seenRepairs.add(key);
    this.repairs.push({ file: at.file, line: at.line, from, to, rule });
  }

  merge(name: string, sources: SourceRef[], detail: string): void {
    this.merges.push({ name, sources, detail });
  }

  disagree(name: string, field: string, values: Disagreement['values'], kept: string): void {
    this.disagreements.push({ name, field, values, kept });
  }

  brokenLink(at: SourceRef, text: string, target: string, reason: string): void {
    const key = `${at.file}\0${at.line}\0${text}\0${target}`;
    if (this.seenLinks.has(key)) return;
    this.seenLinks.add(key);
    this.brokenLinks.push({ file: at.file, line: at.line, text, target, reason });
  }

  unattested(at: SourceRef, name: string): void {
    this.unattestedNames.push({ file: at.file, line: at.line, name });
  }

  pass(at: SourceRef, pass: string): void {
    this.passes.push({ file: at.file, line: at.line, pass });
  }

  build(counts: Record<string, number>): IngestReport {
    const byLoc = <T extends { file: string; line: number }>(a: T, b: T) =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
    const passCounts: Record<string, number> = {};
    for (const p of this.passes) passCounts[`pass:${p.pass}`] = (passCounts[`pass:${p.pass}`] ?? 0) + 1;
    return {
      quarantined: [...this.quarantined].sort((a, b) => byLoc(a, b) || cmp(a.raw, b.raw)),
      repairs: [...this.repairs].sort((a, b) => byLoc(a, b) || cmp(a.from, b.from)),
      merges: [...this.merges].sort((a, b) => cmp(a.name, b.name) || cmp(a.detail, b.detail)),
      disagreements: [...this.disagreements].sort((a, b) => cmp(a.name, b.name) || cmp(a.field, b.field)),
      brokenLinks: [...this.brokenLinks].sort((a, b) => byLoc(a, b) || cmp(a.target, b.target)),
      passes: [...this.passes].sort((a, b) => byLoc(a, b) || cmp(a.pass, b.pass)),
      ignored: [...this.ignored].sort((a, b) => cmp(a.file, b.file)),
      unattested: [...this.unattestedNames].sort((a, b) => byLoc(a, b) || cmp(a.name, b.name)),
      counts: { ...counts, ...sortedRecord(passCounts) },
    };
  }
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedRecord(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => cmp(a, b)));
}
