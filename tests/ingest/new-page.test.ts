import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../scripts/ingest/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'ddi-new-page-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a page in the official format dropped into content/ddi/<header>/', () => {
  it('appears with all its fields, under a header no code knows', () => {
    mkdirSync(join(dir, 'ddi', 'newhdr'), { recursive: true });
    writeFileSync(
      join(dir, 'ddi', 'newhdr', 'nf-newhdr-nwfrobnicate.md'),
      [
        '---',
        'UID: NF:newhdr.NwFrobnicate',
        'title: NwFrobnicate function (newhdr.h)',
        'description: The NwFrobnicate routine frobnicates a widget.',
        'req.header: newhdr.h',
        'req.include-header: Newhdr.h',
        'req.target-min-winverclnt: Available starting with Windows 11.',
        'req.lib: Newhdr.lib',
        'req.dll: NtosKrnl.exe',
        'req.irql: "<= APC_LEVEL"',
        'api_name:',
        ' - NwFrobnicate',
        '---',
        '',
        '# NwFrobnicate function',
        '',
        '## -description',
        '',
        'The <b>NwFrobnicate</b> routine frobnicates a widget.',
        '',
        '## -parameters',
        '',
        '### -param Widget [in, optional]',
        '',
        'A pointer to the widget.',
        '',
        '## -returns',
        '',
        'Returns <b>STATUS_SUCCESS</b>.',
        '',
        '## -remarks',
        '',
        'Call it at most once.',
        '',
        '## -see-also',
        '',
        '<a href="/windows-hardware/drivers/ddi/newhdr/nf-newhdr-nwfrobnicate">NwFrobnicate</a>',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'ddi', 'newhdr', 'nf-newhdr-nwfrobnicate.c'), 'NTSTATUS NwFrobnicate(\n  [in, optional] PWIDGET Widget\n);');
    const { catalog } = ingest({ contentDir: dir });
    expect(catalog.routines).toEqual([
      {
        name: 'NwFrobnicate',
        aliases: [],
        kind: 'function',
        header: 'newhdr.h',
        headers: ['newhdr.h'],
        includeHeader: 'Newhdr.h',
        library: 'Newhdr.lib',
        dll: 'NtosKrnl.exe',
        irql: { raw: '<= APC_LEVEL', min: 'PASSIVE_LEVEL', max: 'APC_LEVEL' },
        minimumOs: 'Windows 11',
        status: 'supported',
        replacedBy: [],
        summary: 'The NwFrobnicate routine frobnicates a widget.',
        description: 'The **NwFrobnicate** routine frobnicates a widget.',
        parameters: [{ name: 'Widget', type: 'PWIDGET', direction: 'in', optional: true, description: 'A pointer to the widget.' }],
        returns: 'Returns **STATUS_SUCCESS**.',
        remarks: 'Call it at most once.',
        signature: 'NTSTATUS NwFrobnicate(\n  [in, optional] PWIDGET Widget\n);',
        categories: [],
        seeAlso: [],
        officialUrl: 'https://learn.microsoft.com/windows-hardware/drivers/ddi/newhdr/nf-newhdr-nwfrobnicate',
        sources: [{ file: 'ddi/newhdr/nf-newhdr-nwfrobnicate.md', line: 1 }],
      },
    ]);
    expect(catalog.headers).toEqual([{ name: 'newhdr.h', routines: ['NwFrobnicate'], structures: [] }]);
  });
});
