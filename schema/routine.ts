import { z } from 'zod';
import { Irql } from './irql.ts';
import { Prose, SourceRef } from './source.ts';

export const RoutineKind = z.enum(['function', 'macro', 'callback']).meta({ id: 'RoutineKind' });
export type RoutineKind = z.infer<typeof RoutineKind>;
export const RoutineStatus = z
  .enum(['supported', 'obsolete', 'reserved', 'unsupported'])
  .meta({ id: 'RoutineStatus', description: 'obsolete: replaced; reserved: for system use; unsupported: documented as not supported' });
export type RoutineStatus = z.infer<typeof RoutineStatus>;

export const Parameter = z
  .object({
    name: z.string().min(1),
    type: z.string().nullable().describe('C type from the prototype; null for untyped macro parameters'),
    direction: z.enum(['in', 'out', 'in, out']).nullable().describe('As the reference page annotates it; null when no source says'),
    optional: z.boolean().describe('True when the source marks the parameter optional (`_In_opt_`, `[in, optional]`)'),
    description: Prose.nullable(),
  })
  .strict()
  .meta({ id: 'Parameter' });
export type Parameter = z.infer<typeof Parameter>;

export const Routine = z
  .object({
    name: z.string().min(1).describe("Canonical name: the official page's api_name where a page exists, else the repaired spelling"),
    aliases: z.array(z.string()).describe('Every other spelling met: garbled ones, role names (DriverEntry), link texts naming the same page'),
    kind: RoutineKind,
    header: z.string().nullable().describe('Primary header, lower-case (wdm.h before ntddk.h before ntifs.h before others)'),
    headers: z.array(z.string()).describe('Every header with a page for this routine, primary first'),
    includeHeader: z.string().nullable(),
    library: z.string().nullable(),
    dll: z.string().nullable(),
    irql: Irql.nullable().describe('null when no source states a requirement'),
    minimumOs: z.string().nullable().describe('Normalised, e.g. "Windows XP"; null when no version is stated'),
    status: RoutineStatus,
    replacedBy: z.array(z.string()).describe('Names to use instead; a name may have no record of its own (e.g. an IRP)'),
    summary: Prose.nullable(),
    description: Prose.nullable(),
    parameters: z.array(Parameter),
    returns: Prose.nullable(),
    remarks: Prose.nullable(),
    signature: z.string().nullable().describe('C prototype as published, or null'),
    categories: z.array(z.string()).describe('Category slugs'),
    seeAlso: z.array(z.string()).describe('Names of related entities'),
    officialUrl: z.string().url().nullable().describe('https://learn.microsoft.com/windows-hardware/drivers/ddi/<header>/<page>, or null'),
    sources: z.array(SourceRef).min(1),
  })
  .strict()
  .meta({ id: 'Routine' });
export type Routine = z.infer<typeof Routine>;
