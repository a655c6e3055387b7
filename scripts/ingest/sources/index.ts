import { kernelPortal } from './kernel-portal.ts';
import { referencePages } from './reference-pages.ts';
import type { SourceDeclaration } from './source.ts';

/** Every source the pipeline reads, in no particular order (each declares its phase). */
export const SOURCES: readonly SourceDeclaration[] = [referencePages, kernelPortal];
