/**
 * Time on the virtual clock and TIME_FIELDS: KeQuerySystemTime(Precise), KeQueryTickCount,
 * KeQueryInterruptTime(Precise), KeQueryUnbiasedInterruptTime, KeQueryTimeIncrement,
 * KeQueryPerformanceCounter, ExSystemTimeToLocalTime / ExLocalTimeToSystemTime, RtlTimeToTimeFields /
 * RtlTimeFieldsToTime (content/ddi/wdm/nf-wdm-kequery*.md, nf-wdm-rtltime*.md, nf-wdm-ex*time*.md).
 *
 * Every value derives from the kernel's virtual clock (`sys.ctx.now`, 100-ns units since boot, moved only
 * by `k.advanceTime` and timer waits), never from the host's clock, so runs are reproducible. System time
 * is the core's fixed boot time plus the clock. The emulated machine's time zone is UTC (bias 0), so local
 * and system time coincide. The clock interrupt period is 156,250 (15.625 ms), Windows' default; the
 * performance counter runs at 10 MHz, one count per clock unit.
 */
import { defineModule } from './module.ts';

export const TIME_INCREMENT = 156250;
const PERFORMANCE_FREQUENCY = 10_000_000n;
const TIME_ZONE_BIAS = 0n;
/** 1601-01-01 (the origin of system time) in JavaScript milliseconds. */
const EPOCH_1601_MS = Date.UTC(1601, 0, 1);
const FIELDS = ['Year', 'Month', 'Day', 'Hour', 'Minute', 'Second', 'Milliseconds', 'Weekday'] as const;

export default defineModule({
  name: 'time-fields',
  layouts: {
    TIME_FIELDS: FIELDS.map((f) => [f, 'CSHORT']),
  },
  routines: (sys) => {
    const writeLarge = (at: number, value: bigint) => sys.mem.write(at, 'LARGE_INTEGER', value);
    const readLarge = (at: number) => sys.mem.read(at, 'LARGE_INTEGER') as bigint;
    const field = (at: number, name: (typeof FIELDS)[number]) => Number(sys.get(at, 'TIME_FIELDS', name));
    return {
      KeQuerySystemTime(CurrentTime: number) { writeLarge(CurrentTime, sys.ctx.systemTime()); },
      KeQuerySystemTimePrecise(CurrentTime: number) { writeLarge(CurrentTime, sys.ctx.systemTime()); },
      KeQueryTickCount(CurrentCount: number) { writeLarge(CurrentCount, sys.ctx.now / BigInt(TIME_INCREMENT)); },
      KeQueryInterruptTime: () => sys.ctx.now,
      KeQueryInterruptTimePrecise(QpcTimeStamp: number) {
        if (QpcTimeStamp) sys.mem.write(QpcTimeStamp, 'ULONGLONG', sys.ctx.now);
        return sys.ctx.now;
      },
      KeQueryUnbiasedInterruptTime: () => sys.ctx.now,
      KeQueryTimeIncrement: () => TIME_INCREMENT,
      KeQueryPerformanceCounter(PerformanceFrequency: number) {
        if (PerformanceFrequency) writeLarge(PerformanceFrequency, PERFORMANCE_FREQUENCY);
        return sys.ctx.now;
      },
      ExSystemTimeToLocalTime(SystemTime: number, LocalTime: number) { writeLarge(LocalTime, readLarge(SystemTime) - TIME_ZONE_BIAS); },
      ExLocalTimeToSystemTime(LocalTime: number, SystemTime: number) { writeLarge(SystemTime, readLarge(LocalTime) + TIME_ZONE_BIAS); },
      RtlTimeToTimeFields(Time: number, TimeFields: number) {
        const time = readLarge(Time);
        const ms = Number(time / 10_000n);
        const date = new Date(EPOCH_1601_MS + ms);
        const values = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(),
          date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds(), date.getUTCDay()];
        FIELDS.forEach((f, i) => sys.set(TimeFields, 'TIME_FIELDS', f, values[i]!));
      },
      RtlTimeFieldsToTime(TimeFields: number, Time: number) {
        const [year, month, day, hour, minute, second, ms] = FIELDS.slice(0, 7).map((f) => field(TimeFields, f)) as number[];
        // Weekday is ignored; every other field must name a real instant from 1601 on.
        if (year! < 1601 || month! < 1 || month! > 12 || day! < 1 || hour! < 0 || hour! > 23 || minute! < 0 || minute! > 59
          || second! < 0 || second! > 59 || ms! < 0 || ms! > 999) return 0;
        const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
        if (day! > daysInMonth) return 0;
        const stamp = new Date(0);
        stamp.setUTCFullYear(year!, month! - 1, day!);
        stamp.setUTCHours(hour!, minute!, second!, ms!);
        writeLarge(Time, BigInt(stamp.getTime() - EPOCH_1601_MS) * 10_000n);
        return 1;
      },
    };
  },
});
