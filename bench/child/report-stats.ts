import { writeFileSync } from 'node:fs';

/**
 * Writes this process's peak memory and CPU time where the bench asked (`BENCH_STATS`), as the process exits.
 * CPU time moves far less than wall time when other work shares the machine.
 */
export function reportStatsOnExit(): void {
  const file = process.env.BENCH_STATS;
  if (!file) return;
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
