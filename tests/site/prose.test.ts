import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../schema/index.ts';
import { indexCatalog } from '../../src/utils/catalog.ts';
import { isHttps, linkCode, renderProse } from '../../src/utils/prose.ts';
import small from '../fixtures/catalog-small.json' with { type: 'json' };

const site = indexCatalog(small as Catalog);
const render = (md: string, self?: string) => renderProse(md, { site, self });

describe('renderProse', () => {
  it('links every known name, alias and header, and leaves unknown names as text', () => {
    const html = render('Call ExReleaseRundownProtection on a PEX_RUNDOWN_REF from DriverEntry (see Wdm.h); IRP_MJ_READ has no page.');
    expect(html).toContain('<a href="/routines/ExReleaseRundownProtection/" class="entity-link">ExReleaseRundownProtection</a>');
    expect(html).toContain('<a href="/structures/EX_RUNDOWN_REF/" class="entity-link">PEX_RUNDOWN_REF</a>');
    expect(html).toContain('<a href="/routines/DRIVER_INITIALIZE/" class="entity-link">DriverEntry</a>');
    expect(html).toContain('<a href="/headers/wdm.h/" class="entity-link">Wdm.h</a>');
    expect(html).toContain('IRP_MJ_READ has no page');
  });

  it('does not link a page to itself, nor names inside longer identifiers', () => {
    expect(render('ExAcquireRundownProtection', '/routines/ExAcquireRundownProtection/')).toBe('<p>ExAcquireRundownProtection</p>');
    expect(render('MyExAcquireRundownProtectionWrapper')).not.toContain('<a');
  });

  it('retargets a link whose text is an entity name to the entity page', () => {
    expect(render('[EX_RUNDOWN_REF](https://learn.microsoft.com/x/eprocess)')).toBe('<p><a href="/structures/EX_RUNDOWN_REF/" class="entity-link">EX_RUNDOWN_REF</a></p>');
  });

  it('keeps https links with rel="noopener noreferrer" and turns every other scheme into text', () => {
    expect(render('[a](https://example.com/x)')).toBe('<p><a href="https://example.com/x" rel="noopener noreferrer" class="external-link">a</a></p>');
    for (const href of ['file:///etc/passwd', 'http://example.com/', 'javascript:alert(1)', '/windows-hardware/x', 'data:text/html,x', '#anchor']) {
      expect(render(`[text](${href})`), href).toBe('<p>text</p>');
    }
    expect(render('<file:///C:/x>')).toBe('<p>file:///C:/x</p>');
  });

  it('drops raw HTML: scripts, handlers, iframes, styles', () => {
    const html = render('<script>alert(1)</script>\n\nA <img src=x onerror="alert(1)"> b <iframe srcdoc="x"></iframe>\n\n<style>*{}</style>');
    expect(html).not.toMatch(/<script|onerror|<iframe|srcdoc|<style|<img/);
    expect(html).toContain('A');
  });

  it('renders GFM: tables, emphasis, code', () => {
    expect(render('| a | b |\n|---|---|\n| **x** | `KeAcquireSpinLock` |')).toContain('<code><a href="/routines/KeAcquireSpinLock/" class="entity-link">KeAcquireSpinLock</a></code>');
  });
});

describe('linkCode', () => {
  it('escapes markup and links type names in a prototype', () => {
    const html = linkCode('BOOLEAN F(PEX_RUNDOWN_REF r) </code><script>', { site });
    expect(html).toContain('<a href="/structures/EX_RUNDOWN_REF/" class="entity-link">PEX_RUNDOWN_REF</a>');
    expect(html).toContain('&#x3C;/code>&#x3C;script>');
  });
});

describe('isHttps', () => {
  it('accepts only absolute https URLs', () => {
    expect(isHttps('https://a.example/')).toBe(true);
    expect(isHttps('HTTPS://a.example/')).toBe(true);
    expect(isHttps('http://a.example/')).toBe(false);
    expect(isHttps('//a.example/')).toBe(false);
    expect(isHttps(' javascript:alert(1)')).toBe(false);
  });
});

describe('role-name aliases spelled like words', () => {
  it('link mid-sentence, not at the start of a sentence', () => {
    const html = render('Cancel the IRP first. A driver supplies a Cancel routine. Then: Cancel it.');
    expect(html.match(/entity-link/g)).toHaveLength(1);
    expect(html).toContain('a <a href="/routines/DRIVER_CANCEL/" class="entity-link">Cancel</a> routine');
  });
});
