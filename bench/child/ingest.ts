// The real `npm run ingest` command, run in this process so that its peak memory can be reported.
import { reportStatsOnExit } from './report-stats.ts';

reportStatsOnExit();
await import('../../scripts/ingest/main.ts');
