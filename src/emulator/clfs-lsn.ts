/**
 * CLFS log sequence numbers (CLFS_LSN): ClfsLsnCreate, ClfsLsnContainer, ClfsLsnBlockOffset,
 * ClfsLsnRecordSequence, ClfsLsnEqual, ClfsLsnLess, ClfsLsnGreater, ClfsLsnNull
 * (content/ddi/wdm/nf-wdm-clfslsn*.md).
 *
 * A CLFS_LSN is one ULONGLONG (`Internal`): the container identifier in the high 32 bits, the
 * sector-aligned block offset in bits 9–31 and the record sequence number (0–511) in bits 0–8, so LSNs of
 * one stream order as plain unsigned integers. CLFS_LSN_NULL (0) is the smallest LSN and CLFS_LSN_INVALID
 * (container 0xFFFFFFFF) is larger than any valid one. An LSN by value is a bigint; the predicates take
 * pointers to LSNs in emulated memory, as their prototypes do.
 */
import { defineModule } from './module.ts';

export const CLFS_LSN_NULL = 0n;
export const CLFS_LSN_INVALID = 0xffffffff00000000n;
const SECTOR = 512;
const RECORD_MASK = 0x1ffn;

export default defineModule({
  name: 'clfs-lsn',
  layouts: { CLFS_LSN: [['Internal', 'ULONGLONG']], CLFS_CONTAINER_ID: 'ULONG' },
  constants: { CLFS_LSN_NULL, CLFS_LSN_INVALID },
  routines: (sys) => {
    const lsn = (plsn: number) => sys.get(plsn, 'CLFS_LSN', 'Internal') as bigint;
    return {
      ClfsLsnCreate(cidContainer: number, offBlock: number, cRecord: number) {
        if (offBlock % SECTOR !== 0) {
          sys.ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0, offBlock, 0, 0],
            `ClfsLsnCreate: offBlock (${offBlock}) "must be a multiple of 512".`, 'ClfsLsnCreate');
        }
        if (cRecord < 0 || cRecord > 511) {
          sys.ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0, cRecord, 0, 0],
            `ClfsLsnCreate: cRecord (${cRecord}) must be in the range 0 - 511.`, 'ClfsLsnCreate');
        }
        return (BigInt(cidContainer >>> 0) << 32n) | BigInt(offBlock >>> 0) | BigInt(cRecord);
      },
      ClfsLsnContainer: (plsn: number) => Number(lsn(plsn) >> 32n),
      ClfsLsnBlockOffset: (plsn: number) => Number(lsn(plsn) & 0xfffffe00n),
      ClfsLsnRecordSequence: (plsn: number) => Number(lsn(plsn) & RECORD_MASK),
      ClfsLsnEqual: (plsn1: number, plsn2: number) => (lsn(plsn1) === lsn(plsn2) ? 1 : 0),
      ClfsLsnLess: (plsn1: number, plsn2: number) => (lsn(plsn1) < lsn(plsn2) ? 1 : 0),
      ClfsLsnGreater: (plsn1: number, plsn2: number) => (lsn(plsn1) > lsn(plsn2) ? 1 : 0),
      ClfsLsnNull: (plsn: number) => (lsn(plsn) === CLFS_LSN_NULL ? 1 : 0),
    };
  },
});
