import { writeFileSync } from 'node:fs';

/** Writes this process's peak memory where the bench asked (`BENCH_STATS`), as the process exits. */
export function reportStatsOnExit(): void {
  const file = process.env.BENCH_STATS;
  if (!file) return;
  process.on('exit', () => {
    writeFileSync(file, JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS }));
  });
}
