/** Modules of emulator part 2 (lists, bitmaps, strings, …); one import and one array entry per module. */
import type { ModuleDef } from './module.ts';
import ntintsafe from './ntintsafe.ts';
import ntstrsafe from './ntstrsafe.ts';
import rtlBitmap from './rtl-bitmap.ts';
import listEntry from './list-entry.ts';
import slistHeader from './slist-header.ts';
import unicodeString from './unicode-string.ts';
import rtlMemory from './rtl-memory.ts';
import clfsLsn from './clfs-lsn.ts';
import timeFields from './time-fields.ts';
import rtlRunOnce from './rtl-run-once.ts';
import objectHeader from './object-header.ts';
import irp from './irp.ts';
import ioCsq from './io-csq.ts';
import ioWorkitem from './io-workitem.ts';
import ioRemoveLock from './io-remove-lock.ts';
import kbugcheckCallback from './kbugcheck-callback.ts';
import kfloatingSave from './kfloating-save.ts';

export const PART2_MODULES: ModuleDef[] = [
  ntintsafe,
  ntstrsafe,
  rtlBitmap,
  listEntry,
  slistHeader,
  unicodeString,
  rtlMemory,
  clfsLsn,
  timeFields,
  rtlRunOnce,
  objectHeader,
  irp,
  ioCsq,
  ioWorkitem,
  ioRemoveLock,
  kbugcheckCallback,
  kfloatingSave,
];
