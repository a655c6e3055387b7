// content/ddi/wdm/nf-wdm-exallocatepool2.md, nf-wdm-exallocatepoolwithtag.md, nf-wdm-exfreepoolwithtag.md,
// nf-wdm-exallocatepoolzero.md, nf-wdm-exallocatepoolwithquotatag.md, nf-wdm-exfreepool.md
import { describe, expect, it } from 'vitest';
import { createKernel, NtStatusError } from '../../src/emulator/index.ts';

describe('pool', () => {
  it('"Memory is zero initialized unless POOL_FLAG_UNINITIALIZED is specified" (ExAllocatePool2)', () => {
    const k = createKernel();
    const z = k.ExAllocatePool2(k.POOL_FLAG_NON_PAGED, 32, k.tag('Zero'));
    expect([...k.bytes(z, 32)].every((b) => b === 0)).toBe(true);
    const u = k.ExAllocatePool2(k.POOL_FLAG_NON_PAGED | k.POOL_FLAG_UNINITIALIZED, 32, k.tag('Unin'));
    expect([...k.bytes(u, 32)].some((b) => b !== 0)).toBe(true);
    k.ExFreePool(z);
    k.ExFreePool(u);
  });

  it('ExAllocatePool2 returns NULL for a zero tag or invalid POOL_FLAGS, and raises with POOL_FLAG_RAISE_ON_FAILURE', () => {
    const k = createKernel();
    expect(k.ExAllocatePool2(k.POOL_FLAG_NON_PAGED, 16, 0)).toBe(0);
    expect(k.ExAllocatePool2(k.POOL_FLAG_NON_PAGED | k.POOL_FLAG_PAGED, 16, k.tag('Bad!'))).toBe(0);
    expect(() => k.ExAllocatePool2(0n | k.POOL_FLAG_RAISE_ON_FAILURE, 16, k.tag('Bad!'))).toThrow(NtStatusError);
  });

  it('a request of PAGE_SIZE or more is page-aligned', () => {
    const k = createKernel();
    const p = k.ExAllocatePoolWithTag(k.NonPagedPoolNx, 4096, k.tag('Page'));
    expect(p % 4096).toBe(0);
    k.ExFreePoolWithTag(p, k.tag('Page'));
  });

  it('the tag reads reversed in a pool dump: "Fred" appears as "derF"', () => {
    const k = createKernel();
    const p = k.ExAllocatePoolWithTag(k.NonPagedPoolNx, 8, k.tag('Fred'));
    expect(k.snapshot().pool[0]).toMatchObject({ address: p, size: 8, tag: 'derF' });
    k.ExFreePool(p);
  });

  it('freeing twice is Verifier 0xC4 / 0x13; freeing with the wrong tag is BAD_POOL_CALLER 0x0A', () => {
    const k = createKernel();
    const p = k.ExAllocatePoolWithTag(k.NonPagedPoolNx, 8, k.tag('Tag1'));
    expect(() => k.ExFreePoolWithTag(p, k.tag('Tag2'))).toThrow(expect.objectContaining({ codeName: 'BAD_POOL_CALLER', parameters: [0x0a, p, k.tag('Tag2'), k.tag('Tag1')] }));
    k.ExFreePoolWithTag(p, k.tag('Tag1'));
    expect(() => k.ExFreePool(p)).toThrow(expect.objectContaining({ code: 0xc4, parameters: [0x13, 0, p, k.tag('Tag1')] }));
  });

  it('freeing an address no allocation returned is 0xC4 / 0x10', () => {
    const k = createKernel();
    const p = k.alloc(16);
    expect(() => k.ExFreePool(p)).toThrow(expect.objectContaining({ parameters: [0x10, p, 0, 0] }));
  });

  it('paged pool above APC_LEVEL is 0xC4 / 0x01; a zero-byte request is 0xC4 / 0x00', () => {
    const k = createKernel();
    expect(() => k.ExAllocatePoolWithTag(k.PagedPool, 0, k.tag('Zero'))).toThrow(expect.objectContaining({ parameters: [0x00, 0, 1, 0] }));
    k.KeRaiseIrqlToDpcLevel();
    expect(() => k.ExAllocatePoolWithTag(k.PagedPool, 16, k.tag('Page'))).toThrow(expect.objectContaining({ parameters: [0x01, 2, 1, 16] }));
  });

  it('the quota routines raise STATUS_INSUFFICIENT_RESOURCES on failure unless POOL_QUOTA_FAIL_INSTEAD_OF_RAISE', () => {
    const k = createKernel({ memoryLimit: 64 * 1024 });
    expect(() => k.ExAllocatePoolWithQuotaTag(k.NonPagedPoolNx, 128 * 1024, k.tag('Quot'))).toThrow(expect.objectContaining({ status: 0xc000009a }));
    expect(k.ExAllocatePoolWithQuotaTag(k.NonPagedPoolNx | k.POOL_QUOTA_FAIL_INSTEAD_OF_RAISE, 128 * 1024, k.tag('Quot'))).toBe(0);
  });

  it('pool still allocated when the driver unloads is reported with its count and bytes', () => {
    const k = createKernel();
    k.ExAllocatePoolWithTag(k.NonPagedPoolNx, 10, k.tag('Leak'));
    k.ExAllocatePoolZero(k.NonPagedPoolNx, 6, k.tag('Leak'));
    expect(() => k.unload()).toThrow(expect.objectContaining({ code: 0xc4, parameters: [0x62, 0, 2, 16] }));
  });

  it('reading freed pool faults', () => {
    const k = createKernel();
    const p = k.ExAllocatePoolWithTag(k.NonPagedPoolNx, 8, k.tag('UseF'));
    k.ExFreePool(p);
    expect(() => k.read(p, 'ULONG')).toThrow(/DRIVER_PAGE_FAULT_IN_FREED_SPECIAL_POOL/);
  });
});
