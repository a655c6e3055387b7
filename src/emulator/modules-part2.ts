/** Modules of emulator part 2 (lists, bitmaps, strings, …); one import and one array entry per module. */
import type { ModuleDef } from './module.ts';

export const PART2_MODULES: ModuleDef[] = [];
