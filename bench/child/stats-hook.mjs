// Loaded with `node --import` in front of a command the bench does not own (astro): reports the process's peak
// memory and CPU time where the bench asked (`BENCH_STATS`) as it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_STATS;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
