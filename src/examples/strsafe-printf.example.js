// @title Safe formatted strings (RtlStringCch…Printf / RtlStringCb…Printf, variadic and va_list forms)
// @routines RtlStringCchPrintfA RtlStringCchPrintfExA RtlStringCchVPrintfA RtlStringCchVPrintfExA RtlStringCchPrintfW RtlStringCchPrintfExW RtlStringCchVPrintfW RtlStringCchVPrintfExW RtlStringCbPrintfA RtlStringCbPrintfExA RtlStringCbVPrintfA RtlStringCbVPrintfExA RtlStringCbPrintfW RtlStringCbPrintfExW RtlStringCbVPrintfW RtlStringCbVPrintfExW
// Every destination holds 16 characters. The format specifiers are those of the kernel's _vsnprintf:
// %s takes a string of the function's own character set, %S (and %ls / %hs) the other one, %wZ a
// PUNICODE_STRING, %p a pointer (16 hex digits on x64). The V forms take their arguments as one va_list,
// here an array. "STATUS_BUFFER_OVERFLOW … the destination buffer contains a truncated, null-terminated
// version of the intended result." The Ex forms report the end and the characters left, as the copy forms do.
{
  const size = 16;
  const d = k.alloc(16 * 1);
  const f = (t) => k.astr(t);
  const show = (label, status) => print('RtlStringCchA', label, hex(status), JSON.stringify(k.readAstr(d)));
  show('Printf %s=%d', k.RtlStringCchPrintfA(d, size, f('%s=%d'), k.astr('irql'), 2));
  show('Printf %S|%5u|%-3x|', k.RtlStringCchPrintfA(d, size, f('%S|%5u|%-3x|'), k.wstr('ab'), 42, 255));
  show('Printf %08X%08x (truncated)', k.RtlStringCchPrintfA(d, size, f('%08X%08x'), 0xbeef, 0x1234));
  const end = k.alloc('PVOID');
  const remaining = k.alloc('SIZE_T');
  const status = k.RtlStringCchPrintfExA(d, size, end, remaining, 0, f('%c%c%%'), 0x6f, 0x6b);
  print('RtlStringCchA', 'PrintfEx %c%c%%', hex(status), JSON.stringify(k.readAstr(d)), 'end', (k.read(end, 'PVOID') - d) / 1, 'remaining', k.read(remaining, 'SIZE_T'));
  show('VPrintf %i,%u', k.RtlStringCchVPrintfA(d, size, f('%i,%u'), [-5, -5]));
  show('VPrintfEx NO_TRUNCATION %s', k.RtlStringCchVPrintfExA(d, size, end, remaining, k.STRSAFE_NO_TRUNCATION, f('%s'), [k.astr('far too long to fit')]));
}
{
  const size = 16;
  const d = k.alloc(16 * 2);
  const f = (t) => k.wstr(t);
  const show = (label, status) => print('RtlStringCchW', label, hex(status), JSON.stringify(k.readWstr(d)));
  show('Printf %s=%d', k.RtlStringCchPrintfW(d, size, f('%s=%d'), k.wstr('irql'), 2));
  show('Printf %S|%5u|%-3x|', k.RtlStringCchPrintfW(d, size, f('%S|%5u|%-3x|'), k.astr('ab'), 42, 255));
  show('Printf %08X%08x (truncated)', k.RtlStringCchPrintfW(d, size, f('%08X%08x'), 0xbeef, 0x1234));
  const end = k.alloc('PVOID');
  const remaining = k.alloc('SIZE_T');
  const status = k.RtlStringCchPrintfExW(d, size, end, remaining, 0, f('%c%c%%'), 0x6f, 0x6b);
  print('RtlStringCchW', 'PrintfEx %c%c%%', hex(status), JSON.stringify(k.readWstr(d)), 'end', (k.read(end, 'PVOID') - d) / 2, 'remaining', k.read(remaining, 'SIZE_T'));
  show('VPrintf %i,%u', k.RtlStringCchVPrintfW(d, size, f('%i,%u'), [-5, -5]));
  show('VPrintfEx NO_TRUNCATION %s', k.RtlStringCchVPrintfExW(d, size, end, remaining, k.STRSAFE_NO_TRUNCATION, f('%s'), [k.wstr('far too long to fit')]));
}
{
  const size = 16;
  const d = k.alloc(16 * 1);
  const f = (t) => k.astr(t);
  const show = (label, status) => print('RtlStringCbA', label, hex(status), JSON.stringify(k.readAstr(d)));
  show('Printf %s=%d', k.RtlStringCbPrintfA(d, size, f('%s=%d'), k.astr('irql'), 2));
  show('Printf %S|%5u|%-3x|', k.RtlStringCbPrintfA(d, size, f('%S|%5u|%-3x|'), k.wstr('ab'), 42, 255));
  show('Printf %08X%08x (truncated)', k.RtlStringCbPrintfA(d, size, f('%08X%08x'), 0xbeef, 0x1234));
  const end = k.alloc('PVOID');
  const remaining = k.alloc('SIZE_T');
  const status = k.RtlStringCbPrintfExA(d, size, end, remaining, 0, f('%c%c%%'), 0x6f, 0x6b);
  print('RtlStringCbA', 'PrintfEx %c%c%%', hex(status), JSON.stringify(k.readAstr(d)), 'end', (k.read(end, 'PVOID') - d) / 1, 'remaining', k.read(remaining, 'SIZE_T'));
  show('VPrintf %i,%u', k.RtlStringCbVPrintfA(d, size, f('%i,%u'), [-5, -5]));
  show('VPrintfEx NO_TRUNCATION %s', k.RtlStringCbVPrintfExA(d, size, end, remaining, k.STRSAFE_NO_TRUNCATION, f('%s'), [k.astr('far too long to fit')]));
}
{
  const size = 32;
  const d = k.alloc(16 * 2);
  const f = (t) => k.wstr(t);
  const show = (label, status) => print('RtlStringCbW', label, hex(status), JSON.stringify(k.readWstr(d)));
  show('Printf %s=%d', k.RtlStringCbPrintfW(d, size, f('%s=%d'), k.wstr('irql'), 2));
  show('Printf %S|%5u|%-3x|', k.RtlStringCbPrintfW(d, size, f('%S|%5u|%-3x|'), k.astr('ab'), 42, 255));
  show('Printf %08X%08x (truncated)', k.RtlStringCbPrintfW(d, size, f('%08X%08x'), 0xbeef, 0x1234));
  const end = k.alloc('PVOID');
  const remaining = k.alloc('SIZE_T');
  const status = k.RtlStringCbPrintfExW(d, size, end, remaining, 0, f('%c%c%%'), 0x6f, 0x6b);
  print('RtlStringCbW', 'PrintfEx %c%c%%', hex(status), JSON.stringify(k.readWstr(d)), 'end', (k.read(end, 'PVOID') - d) / 2, 'remaining', k.read(remaining, 'SIZE_T'));
  show('VPrintf %i,%u', k.RtlStringCbVPrintfW(d, size, f('%i,%u'), [-5, -5]));
  show('VPrintfEx NO_TRUNCATION %s', k.RtlStringCbVPrintfExW(d, size, end, remaining, k.STRSAFE_NO_TRUNCATION, f('%s'), [k.wstr('far too long to fit')]));
}
