import { z } from 'zod';

export const Header = z
  .object({
    name: z.string().min(1).describe('Lower-case file name, e.g. wdm.h'),
    routines: z.array(z.string()).describe('Routines with a page under this header'),
    structures: z.array(z.string()),
  })
  .strict()
  .meta({ id: 'Header' });
export type Header = z.infer<typeof Header>;
