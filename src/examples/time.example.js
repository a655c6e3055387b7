// @title Time on the virtual clock: system time, ticks, interrupt time and TIME_FIELDS
// @routines KeQuerySystemTime KeQuerySystemTimePrecise KeQueryTickCount KeQueryInterruptTime KeQueryInterruptTimePrecise KeQueryUnbiasedInterruptTime KeQueryTimeIncrement KeQueryPerformanceCounter ExSystemTimeToLocalTime ExLocalTimeToSystemTime RtlTimeToTimeFields RtlTimeFieldsToTime
// @structures TIME_FIELDS
// Time moves only when the example says so (k.advanceTime, in 100-ns units), so every value is reproducible.
const now = k.alloc('LARGE_INTEGER');
const ticks = k.alloc('LARGE_INTEGER');
k.KeQuerySystemTime(now);
k.KeQueryTickCount(ticks);
const t0 = k.read(now, 'LARGE_INTEGER');
const i0 = k.KeQueryInterruptTime();
const tick0 = k.read(ticks, 'LARGE_INTEGER');
// KeQueryTimeIncrement "returns the number of 100-nanosecond units that are added to the system time each
// time the interval clock interrupts" (15.625 ms here).
const increment = k.KeQueryTimeIncrement();
print('time increment:', increment);

k.advanceTime(10_000_000n); // one second
k.KeQuerySystemTimePrecise(now);
k.KeQueryTickCount(ticks);
print('system time advanced by', k.read(now, 'LARGE_INTEGER') - t0, 'interrupt time by', k.KeQueryInterruptTime() - i0);
// The tick count counts interval-clock interrupts: 10,000,000 / 156,250 = 64.
print('ticks elapsed:', k.read(ticks, 'LARGE_INTEGER') - tick0);
const qpc = k.alloc('ULONG64');
print('precise and unbiased interrupt time agree:', k.KeQueryInterruptTimePrecise(qpc) === k.KeQueryUnbiasedInterruptTime());
const frequency = k.alloc('LARGE_INTEGER');
const c0 = k.KeQueryPerformanceCounter(frequency);
k.advanceTime(5000n);
print('performance counter:', k.KeQueryPerformanceCounter(0) - c0, 'counts of', k.read(frequency, 'LARGE_INTEGER'), 'Hz');

// RtlTimeToTimeFields "converts system time into a TIME_FIELDS structure"; system time counts 100-ns
// intervals since January 1, 1601. 125,963,012,967,890,000 is 2000-02-29 12:34:56.789 UTC, a Tuesday.
const fields = k.alloc('TIME_FIELDS');
k.write(now, 'LARGE_INTEGER', 125963012967890000n);
k.RtlTimeToTimeFields(now, fields);
const f = (n) => k.get(fields, 'TIME_FIELDS', n);
print(`fields: ${f('Year')}-${f('Month')}-${f('Day')} ${f('Hour')}:${f('Minute')}:${f('Second')}.${f('Milliseconds')} weekday ${f('Weekday')}`);
// RtlTimeFieldsToTime "returns TRUE if the input TimeFields data was successfully converted"; a date that does
// not exist is not converted. Weekday is ignored.
k.set(fields, 'TIME_FIELDS', 'Day', 30);
print('February 30:', k.RtlTimeFieldsToTime(fields, now));
k.set(fields, 'TIME_FIELDS', 'Day', 29);
print('February 29, 2000:', k.RtlTimeFieldsToTime(fields, now), k.read(now, 'LARGE_INTEGER'));
// The emulated machine's time zone is UTC: local and system time coincide.
const local = k.alloc('LARGE_INTEGER');
k.ExSystemTimeToLocalTime(now, local);
k.ExLocalTimeToSystemTime(local, now);
print('local time equals system time:', k.read(local, 'LARGE_INTEGER') === k.read(now, 'LARGE_INTEGER'));
