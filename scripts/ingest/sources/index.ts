import { kernelPortal } from './kernel-portal.ts';
import { opaqueStructures } from './opaque-structures.ts';
import { referencePages } from './reference-pages.ts';
import { plainTextPage, seedReferencePage, summaryList } from './seed-pages.ts';
import type { SourceDeclaration } from './source.ts';

/** Every source the pipeline reads (each declares its files and phase). */
export const SOURCES: readonly SourceDeclaration[] = [referencePages, seedReferencePage, opaqueStructures, kernelPortal, plainTextPage, summaryList];
