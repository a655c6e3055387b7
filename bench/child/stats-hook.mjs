// Loaded with `node --import` in front of a command the bench does not own (astro): reports the process's peak
// memory where the bench asked (`BENCH_STATS`) as it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_STATS;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS })));
