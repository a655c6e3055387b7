import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The built site the tests inspect; `npm test` builds it first. */
export const DIST = process.env.DDI_DIST ?? 'dist';

export function assertBuilt(): void {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html: not built; run \`npm run build\` first`);
}

/** Every file under dist/, as site URLs (`/routines/X/index.html`). */
export function siteFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push('/' + relative(DIST, path).split(sep).join('/'));
    }
  };
  walk(DIST);
  return out.sort();
}

export function readSite(url: string): string {
  return readFileSync(join(DIST, url), 'utf8');
}

/** The file a site path is served from (directory URLs serve their index.html), or null. */
export function fileFor(path: string): string | null {
  const decoded = decodeURIComponent(path);
  const candidates = decoded.endsWith('/') ? [decoded + 'index.html'] : [decoded, decoded + '/index.html', decoded + '.html'];
  for (const c of candidates) {
    const full = join(DIST, c);
    if (existsSync(full) && statSync(full).isFile()) return c;
  }
  return null;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
export function decodeAttr(value: string): string {
  return value.replace(/&(amp|quot|#39|lt|gt);/g, (m) => ENTITIES[m]);
}

/** Attribute values of one name on tags of one kind, e.g. attrs(html, 'a', 'href'). */
export function attrs(html: string, tag: string, name: string): string[] {
  const out: string[] = [];
  const tagRe = new RegExp(`<${tag}\\b[^>]*>`, 'gi');
  const attrRe = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
  for (const m of html.matchAll(tagRe)) {
    const a = attrRe.exec(m[0]);
    if (a) out.push(decodeAttr(a[1] ?? a[2] ?? a[3]));
  }
  return out;
}

/** Every id in a document. */
export function ids(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/\sid=(?:"([^"]*)"|'([^']*)')/g)) out.add(decodeAttr(m[1] ?? m[2]));
  return out;
}
