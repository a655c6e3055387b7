/** Every module `createKernel` loads. Part 2's modules are listed in modules-part2.ts. */
import type { ModuleDef } from './module.ts';
import { PART2_MODULES } from './modules-part2.ts';
import ntdef from './ntdef.ts';

export const MODULES: ModuleDef[] = [ntdef, ...PART2_MODULES];
