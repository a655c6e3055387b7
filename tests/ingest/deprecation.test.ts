import { describe, expect, it } from 'vitest';
import { readDeprecation } from '../../scripts/ingest/extract/deprecation.ts';

describe('readDeprecation', () => {
  it('reads an obsolete routine and the one to use instead', () => {
    expect(readDeprecation('MmGetSystemAddressForMdl', ['The **MmGetSystemAddressForMdl** routine is obsolete. Use MmGetSystemAddressForMdlSafe instead.'])).toEqual({
      note: 'The MmGetSystemAddressForMdl routine is obsolete. Use MmGetSystemAddressForMdlSafe instead.',
      replacedBy: ['MmGetSystemAddressForMdlSafe'],
    });
  });
  it('reads "has been deprecated … and has been replaced by"', () => {
    expect(readDeprecation('ExAllocatePoolWithTag', ['> [!NOTE]\n> ExAllocatePoolWithTag has been deprecated in Windows 10, version 2004 and has been replaced by [ExAllocatePool2](https://x/y).'])?.replacedBy).toEqual(['ExAllocatePool2']);
  });
  it('reads several replacements and "consider using"', () => {
    expect(readDeprecation('MmIsThisAnNtAsSystem', ['The MmIsThisAnNtAsSystem routine is obsolete for Windows XP. Use RtlGetVersion or RtlVerifyVersionInfo instead.'])?.replacedBy).toEqual(['RtlGetVersion', 'RtlVerifyVersionInfo']);
    expect(readDeprecation('IOMMU_DOMAIN_CREATE', ['This is deprecated. Consider using **IOMMU_DOMAIN_CREATE_EX** and DMA_IOMMU_INTERFACE_EX.'])?.replacedBy).toEqual(['IOMMU_DOMAIN_CREATE_EX', 'DMA_IOMMU_INTERFACE_EX']);
  });
  it('ignores what is obsolete when the subject is not the routine', () => {
    expect(readDeprecation('KeQueryTimeIncrement', ['The KeMaximumIncrement kernel variable is obsolete in Windows Vista.'])).toBeNull();
    expect(readDeprecation('KeSetEvent', ['Sets an event.', null])).toBeNull();
  });
  it('keeps an obsolete routine without replacement when none is named', () => {
    expect(readDeprecation('IoReadPartitionTable', ['The IoReadPartitionTable routine is obsolete and is provided only to support existing drivers.'])).toEqual({
      note: 'The IoReadPartitionTable routine is obsolete and is provided only to support existing drivers.',
      replacedBy: [],
    });
  });
});

describe('readDeprecation subjects', () => {
  it('does not take "this structure is obsolete" for the routine', () => {
    expect(readDeprecation('KeFoo', ['This structure is obsolete.'])).toBeNull();
    expect(readDeprecation('KeFoo', ['In Windows 7 and later versions of Windows, this function is obsolete.'])).not.toBeNull();
  });
});

describe('readDeprecation on long text', () => {
  it('stays linear when a long name is not followed by "instead"', () => {
    const started = performance.now();
    readDeprecation('KeFoo', [`This function is obsolete. Use ${'SomeVeryLongFunctionName'.repeat(40)} for reasons.`]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
