/** The NTSTATUS test macros of ntdef.h (status severity in the top two bits). */
import { defineModule } from './module.ts';

export default defineModule({
  name: 'ntdef',
  routines: () => ({
    NT_SUCCESS: (Status: number) => (((Status | 0) >= 0) ? 1 : 0),
    NT_INFORMATION: (Status: number) => ((Status >>> 30) === 1 ? 1 : 0),
    NT_WARNING: (Status: number) => ((Status >>> 30) === 2 ? 1 : 0),
    NT_ERROR: (Status: number) => ((Status >>> 30) === 3 ? 1 : 0),
  }),
});
