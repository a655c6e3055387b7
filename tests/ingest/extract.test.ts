import { describe, expect, it } from 'vitest';
import { normaliseMinimumOs } from '../../scripts/ingest/extract/minimum-os.ts';
import { mdastToProse } from '../../scripts/ingest/extract/prose.ts';
import { parsePrototype } from '../../scripts/ingest/extract/prototype.ts';
import { ddiPageOf } from '../../scripts/ingest/names.ts';
import { parseMarkdown } from '../../scripts/ingest/parse/markdown.ts';

describe('parsePrototype', () => {
  it('reads types, directions and optional flags of a published prototype', () => {
    expect(parsePrototype('NTSTATUS F(\n  [in] _DRIVER_OBJECT *DriverObject,\n  [in, out, optional] PVOID Context\n);')).toEqual([
      { name: 'DriverObject', type: '_DRIVER_OBJECT *', direction: 'in', optional: false },
      { name: 'Context', type: 'PVOID', direction: 'in, out', optional: true },
    ]);
  });
  it('reads SAL annotations and untyped macro parameters', () => {
    expect(parsePrototype('VOID G(_In_opt_ PKDPC Dpc, _Out_writes_bytes_(Length) PVOID Buffer);')).toEqual([
      { name: 'Dpc', type: 'PKDPC', direction: 'in', optional: true },
      { name: 'Buffer', type: 'PVOID', direction: 'out', optional: false },
    ]);
    expect(parsePrototype('void IoAssignArcName(\n  [in] ArcName\n);')).toEqual([{ name: 'ArcName', type: null, direction: 'in', optional: false }]);
  });
  it('finds the declarator of a callback page after its typedef line', () => {
    expect(parsePrototype('DRIVER_INITIALIZE DriverInitialize;\n\nNTSTATUS DriverInitialize(\n  [in] PUNICODE_STRING RegistryPath\n)\n{...}')).toEqual([
      { name: 'RegistryPath', type: 'PUNICODE_STRING', direction: 'in', optional: false },
    ]);
  });
  it('returns no parameters for void and null for a structure', () => {
    expect(parsePrototype('ULONG KeGetCurrentProcessorNumber(void);')).toEqual([]);
    expect(parsePrototype('typedef struct _X { ULONG A; } X, *PX;')).toBeNull();
  });
});

describe('normaliseMinimumOs', () => {
  it.each([
    ['Available starting with Windows XP.', 'Windows XP'],
    ['Available in Windows Vista and later operating system versions.', 'Windows Vista'],
    ['Available in Windows XP with Service Pack 1 (SP1) and later versions of Windows.', 'Windows XP SP1'],
    ['Windows 10, version 1803', 'Windows 10, version 1803'],
    ['Available in Windows Server 2003 R2, Windows Vista, and later versions of Windows.', 'Windows Server 2003 R2'],
    ['Universal', null],
    ['', null],
  ])('%s → %s', (input, expected) => expect(normaliseMinimumOs(input)).toBe(expected));
});

describe('ddiPageOf', () => {
  it.each([
    ['../wdm/nf-wdm-iogetdeviceproperty.md', 'nf-wdm-iogetdeviceproperty'],
    ['/windows-hardware/drivers/ddi/wdm/nf-wdm-exinitializerundownprotection', 'nf-wdm-exinitializerundownprotection'],
    ['https://docs.microsoft.com/windows-hardware/drivers/ddi/content/wdm/nf-wdm-exacquirerundownprotection', 'nf-wdm-exacquirerundownprotection'],
    ['https://learn.microsoft.com/en-us/windows-hardware/drivers/ddi/aux_klib/nf-aux_klib-auxklibinitialize#remarks', 'nf-aux_klib-auxklibinitialize'],
    ['../wdm/nf-wdm-file:///C:\\Docs\\kernel\\storage\\ioreadpartitiontable.md', null],
    ['https://docs.microsoft.com/windows-hardware/drivers/kernel/eprocess', null],
  ])('%s → %s', (href, page) => expect(ddiPageOf(href)).toBe(page));
});

describe('mdastToProse', () => {
  const prose = (md: string) =>
    mdastToProse(parseMarkdown(md).children, (href, text) =>
      href.startsWith('file:') ? { kind: 'text' } : href.includes('/ddi/') ? { kind: 'entity', name: text } : { kind: 'external', url: href },
    );
  it('turns inline HTML into markdown and names into plain text', () => {
    expect(prose('The <b>KeSetEvent</b> routine, see <a href="/windows-hardware/drivers/ddi/wdm/nf-wdm-kewait">KeWait</a>.')).toBe('The **KeSetEvent** routine, see KeWait.');
  });
  it('keeps https links and drops file links to text', () => {
    expect(prose('See <a href="https://example.com/x">this</a> and [that](file:///C:/x.md).')).toBe('See [this](https://example.com/x) and that.');
  });
  it('renders HTML lists, tables and code blocks as markdown', () => {
    expect(prose('<ul><li>one</li><li>two</li></ul>')).toBe('- one\n- two');
    expect(prose('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>')).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |');
    expect(prose('```cpp\nint x;\n```')).toBe('```cpp\nint x;\n```');
  });
});
