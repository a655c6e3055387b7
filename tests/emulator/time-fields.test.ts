// Specification: content/ddi/wdm/nf-wdm-kequery*.md, nf-wdm-rtltimetotimefields.md,
// nf-wdm-rtltimefieldstotime.md, nf-wdm-exsystemtimetolocaltime.md
import { describe, expect, it } from 'vitest';
import { createKernel } from '../../src/emulator/index.ts';

describe('KeQuery… on the virtual clock', () => {
  it('system time and interrupt time advance with k.advanceTime and nothing else', () => {
    const k = createKernel();
    const t = k.alloc('LARGE_INTEGER');
    k.KeQuerySystemTime(t);
    const before = k.read(t, 'LARGE_INTEGER') as bigint;
    const interrupt = k.KeQueryInterruptTime();
    k.advanceTime(10_000_000n);
    k.KeQuerySystemTime(t);
    expect((k.read(t, 'LARGE_INTEGER') as bigint) - before).toBe(10_000_000n);
    expect(k.KeQueryInterruptTime() - interrupt).toBe(10_000_000n);
  });

  it('KeQueryTickCount counts KeQueryTimeIncrement intervals', () => {
    const k = createKernel();
    const ticks = k.alloc('LARGE_INTEGER');
    const increment = BigInt(k.KeQueryTimeIncrement());
    k.KeQueryTickCount(ticks);
    const start = k.read(ticks, 'LARGE_INTEGER') as bigint;
    k.advanceTime(increment * 3n);
    k.KeQueryTickCount(ticks);
    expect((k.read(ticks, 'LARGE_INTEGER') as bigint) - start).toBe(3n);
  });

  it('KeQueryPerformanceCounter reports its frequency', () => {
    const k = createKernel();
    const f = k.alloc('LARGE_INTEGER');
    const c1 = k.KeQueryPerformanceCounter(f);
    k.advanceTime(500n);
    expect(k.KeQueryPerformanceCounter(0) - c1).toBe(500n * (k.read(f, 'LARGE_INTEGER') as bigint) / 10_000_000n);
  });
});

describe('RtlTimeToTimeFields / RtlTimeFieldsToTime', () => {
  it('converts 1601-01-01 (a Monday) and a known date, with Weekday 0 = Sunday', () => {
    const k = createKernel();
    const t = k.alloc('LARGE_INTEGER');
    const f = k.alloc('TIME_FIELDS');
    k.write(t, 'LARGE_INTEGER', 0n);
    k.RtlTimeToTimeFields(t, f);
    const get = (n: string) => k.get(f, 'TIME_FIELDS', n);
    expect([get('Year'), get('Month'), get('Day'), get('Weekday')]).toEqual([1601, 1, 1, 1]);
    // 2000-02-29 12:34:56.789 UTC, a Tuesday.
    k.write(t, 'LARGE_INTEGER', 125963012967890000n);
    k.RtlTimeToTimeFields(t, f);
    expect(['Year', 'Month', 'Day', 'Hour', 'Minute', 'Second', 'Milliseconds', 'Weekday'].map(get)).toEqual([2000, 2, 29, 12, 34, 56, 789, 2]);
    const back = k.alloc('LARGE_INTEGER');
    expect(k.RtlTimeFieldsToTime(f, back)).toBe(1);
    expect(k.read(back, 'LARGE_INTEGER')).toBe(125963012967890000n);
  });

  it('RtlTimeFieldsToTime returns FALSE for fields that name no date', () => {
    const k = createKernel();
    const f = k.alloc('TIME_FIELDS');
    const t = k.alloc('LARGE_INTEGER');
    k.set(f, 'TIME_FIELDS', 'Year', 2001);
    k.set(f, 'TIME_FIELDS', 'Month', 2);
    k.set(f, 'TIME_FIELDS', 'Day', 29);
    expect(k.RtlTimeFieldsToTime(f, t)).toBe(0);
    k.set(f, 'TIME_FIELDS', 'Day', 28);
    expect(k.RtlTimeFieldsToTime(f, t)).toBe(1);
  });

  it('ExSystemTimeToLocalTime and back are inverse', () => {
    const k = createKernel();
    const s = k.alloc('LARGE_INTEGER');
    const l = k.alloc('LARGE_INTEGER');
    const s2 = k.alloc('LARGE_INTEGER');
    k.KeQuerySystemTime(s);
    k.ExSystemTimeToLocalTime(s, l);
    k.ExLocalTimeToSystemTime(l, s2);
    expect(k.read(s2, 'LARGE_INTEGER')).toBe(k.read(s, 'LARGE_INTEGER'));
  });
});
