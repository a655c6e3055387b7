// @title UNICODE_STRING: building a device name
// @routines RtlInitUnicodeString RtlInitEmptyUnicodeString RtlCopyUnicodeString RtlAppendUnicodeStringToString RtlAppendUnicodeToString RtlCompareUnicodeString RtlEqualUnicodeString RtlPrefixUnicodeString RtlUpcaseUnicodeString RtlFreeUnicodeString RtlUpcaseUnicodeChar RtlDowncaseUnicodeChar
// @structures UNICODE_STRING
const show = (s) => `"${k.readWstr(k.get(s, 'UNICODE_STRING', 'Buffer'), k.get(s, 'UNICODE_STRING', 'Length') / 2)}" ` +
  `Length=${k.get(s, 'UNICODE_STRING', 'Length')} MaximumLength=${k.get(s, 'UNICODE_STRING', 'MaximumLength')}`;

const prefix = k.alloc('UNICODE_STRING');
// RtlInitUnicodeString: Length is the string's size in bytes without the terminator, MaximumLength with it.
k.RtlInitUnicodeString(prefix, k.wstr('\\Device\\'));
print('prefix:', show(prefix));

// A name built in a 32-byte buffer of our own.
const name = k.alloc('UNICODE_STRING');
k.RtlInitEmptyUnicodeString(name, k.alloc(32), 32);
k.RtlCopyUnicodeString(name, prefix);
const unit = k.alloc('UNICODE_STRING');
k.RtlInitUnicodeString(unit, k.wstr('Demo'));
print('append string:', k.RtlAppendUnicodeStringToString(name, unit), show(name));
// RtlAppendUnicodeToString returns STATUS_BUFFER_TOO_SMALL when "the destination string buffer is too
// small"; the destination is left as it was.
print('append "Driver0":', hex(k.RtlAppendUnicodeToString(name, k.wstr('Driver0'))), show(name));
print('append "0":', k.RtlAppendUnicodeToString(name, k.wstr('0')), show(name));

const other = k.alloc('UNICODE_STRING');
k.RtlInitUnicodeString(other, k.wstr('\\DEVICE\\DEMO0'));
print('equal, case-insensitive:', k.RtlEqualUnicodeString(name, other, k.TRUE), 'case-sensitive:', k.RtlEqualUnicodeString(name, other, k.FALSE));
print('compare, case-sensitive, is positive:', k.RtlCompareUnicodeString(name, other, k.FALSE) > 0);
print('"\\Device\\" is a prefix:', k.RtlPrefixUnicodeString(prefix, name, k.FALSE));

// With AllocateDestinationString TRUE the routine allocates the buffer; RtlFreeUnicodeString frees it.
const upper = k.alloc('UNICODE_STRING');
print('upcase:', k.RtlUpcaseUnicodeString(upper, name, k.TRUE), show(upper));
k.RtlFreeUnicodeString(upper);
print('after free: Buffer', k.get(upper, 'UNICODE_STRING', 'Buffer'), 'Length', k.get(upper, 'UNICODE_STRING', 'Length'));
print('chars:', String.fromCharCode(k.RtlUpcaseUnicodeChar(0x78)), String.fromCharCode(k.RtlDowncaseUnicodeChar(0x58)));
k.unload();
