import { NameSearch, type NameHit, type NameIndex } from '../../utils/name-search.ts';
import './search-ui.css';

/**
 * Search UI, loaded on first use. Names come first, from a small name index ranked here (exact, prefix,
 * camelCase words); full-text matches from pagefind follow. Keyboard: arrows move, Enter opens, Escape closes.
 */

interface Result {
  url: string;
  title: string;
  detail: string;
  excerpt?: string;
}

interface PagefindData {
  url: string;
  meta: { title?: string };
  excerpt: string;
}

interface Pagefind {
  init(): Promise<void>;
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindData> }[] }>;
}

let names: Promise<NameSearch> | undefined;
function nameSearch(): Promise<NameSearch> {
  names ??= fetch('/search/names.json')
    .then((r) => {
      if (!r.ok) throw new Error(`/search/names.json: HTTP ${r.status}`);
      return r.json() as Promise<NameIndex>;
    })
    .then((index) => new NameSearch(index));
  return names;
}

let pagefind: Promise<Pagefind | null> | undefined;
function fullText(): Promise<Pagefind | null> {
  // A variable URL keeps the bundler from resolving pagefind, which exists only in the built site.
  const url = '/pagefind/pagefind.js';
  pagefind ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>)
    .then(async (p) => {
      await p.options({ excerptLength: 14 });
      await p.init();
      return p;
    })
    .catch(() => null);
  return pagefind;
}

const KIND_LABEL: Record<NameHit['type'], string> = {
  routine: 'routine',
  structure: 'structure',
  header: 'header',
  category: 'category',
};

let counter = 0;

class SearchController {
  private results: Result[] = [];
  private active = -1;
  private generation = 0;
  private readonly idBase = `search-result-${++counter}`;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLElement,
    private readonly status: HTMLElement,
  ) {
    list.id = `${this.idBase}-list`;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Search results');
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.addEventListener('input', () => void this.update());
    input.addEventListener('keydown', (e) => this.onKey(e));
    if (input.value) void this.update();
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (this.results.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.setActive((this.active + step + this.results.length) % this.results.length);
    } else if (event.key === 'Enter') {
      const target = this.results[Math.max(this.active, 0)];
      if (!target) return;
      event.preventDefault();
      location.assign(target.url);
    } else if (event.key === 'Escape' && this.input.value) {
      // The first Escape clears; a dialog closes on the next one.
      event.preventDefault();
      event.stopPropagation();
      this.input.value = '';
      void this.update();
    }
  }

  private setActive(index: number): void {
    const items = this.list.querySelectorAll<HTMLElement>('[role="option"]');
    items[this.active]?.setAttribute('aria-selected', 'false');
    this.active = index;
    const item = items[index];
    if (!item) {
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    item.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', item.id);
    item.scrollIntoView({ block: 'nearest' });
  }

  private async update(): Promise<void> {
    const query = this.input.value.trim();
    const generation = ++this.generation;
    if (!query) {
      this.render([], '');
      return;
    }
    let search: NameSearch;
    try {
      search = await nameSearch();
    } catch (error) {
      this.render([], `Search index unavailable: ${(error as Error).message}`);
      return;
    }
    if (generation !== this.generation) return;
    const byName: Result[] = search.search(query, 30).map((hit) => ({
      url: hit.url,
      title: hit.name,
      detail: [KIND_LABEL[hit.type], hit.aliasOf ? `alias of ${hit.aliasOf}` : '', hit.detail].filter(Boolean).join(' · '),
    }));
    this.render(byName, byName.length ? '' : 'Searching the full text…');
    const pf = await fullText();
    if (generation !== this.generation || !pf) {
      if (!pf && generation === this.generation) this.render(byName, byName.length ? '' : 'No matching name.', true);
      return;
    }
    let data: PagefindData[];
    try {
      const found = await pf.search(query);
      data = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    } catch {
      // Offline with this part of the full-text index never fetched: the name matches still stand.
      if (generation === this.generation) this.render(byName, byName.length ? '' : 'No matching name (full-text search is unavailable offline for this query).', true);
      return;
    }
    if (generation !== this.generation) return;
    const seen = new Set(byName.map((r) => r.url));
    const extra: Result[] = [];
    for (const d of data) {
      const url = d.url.replace(/index\.html$/, '');
      if (seen.has(url)) continue;
      seen.add(url);
      extra.push({ url, title: d.meta.title ?? url, detail: 'full text', excerpt: d.excerpt });
    }
    const all = [...byName, ...extra];
    this.render(all, all.length ? '' : `No results for “${query}”.`, true);
  }

  /** `keepActive`: full-text results arrive after the name results; keep the option the reader moved to. */
  private render(results: Result[], message: string, keepActive = false): void {
    const activeUrl = keepActive ? this.results[this.active]?.url : undefined;
    this.results = results;
    this.active = -1;
    this.list.replaceChildren(
      ...results.map((r, i) => {
        const li = document.createElement('li');
        li.id = `${this.idBase}-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        // An option holds no link: interactive content inside an option is invalid (axe nested-interactive).
        // Enter and a click navigate instead.
        li.dataset.url = r.url;
        li.addEventListener('click', () => location.assign(r.url));
        const title = document.createElement('span');
        title.className = 'search-title';
        title.textContent = r.title;
        const detail = document.createElement('span');
        detail.className = 'search-detail';
        detail.textContent = r.detail;
        li.append(title, ' ', detail);
        if (r.excerpt) li.append(excerptNode(r.excerpt));
        return li;
      }),
    );
    this.input.setAttribute('aria-expanded', String(results.length > 0));
    this.input.removeAttribute('aria-activedescendant');
    if (results.length) this.setActive(Math.max(0, results.findIndex((r) => r.url === activeUrl)));
    this.status.textContent = message || (results.length ? `${results.length} results` : '');
  }
}

/** Pagefind excerpts are HTML with <mark>; keep the marks, make everything else text. */
function excerptNode(html: string): HTMLElement {
  const out = document.createElement('span');
  out.className = 'search-excerpt';
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const node of doc.body.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.append(mark);
    } else out.append(node.textContent ?? '');
  }
  return out;
}

function statusNode(): HTMLElement {
  const status = document.createElement('p');
  status.className = 'search-status';
  status.setAttribute('role', 'status');
  return status;
}

/** Wires a page's own search box (`[data-search-inline]` holding an input and a list). */
export function attachInline(box: HTMLElement): void {
  if (box.dataset.attached) return;
  box.dataset.attached = 'true';
  const input = box.querySelector('input')!;
  const list = box.querySelector<HTMLElement>('ul, ol')!;
  const status = statusNode();
  box.append(status);
  new SearchController(input, list, status);
}

let dialog: HTMLDialogElement | undefined;

export function openDialog(): void {
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.className = 'ddi-search-dialog not-content';
    dialog.setAttribute('aria-label', 'Search');
    const form = document.createElement('div');
    form.setAttribute('role', 'search');
    const label = document.createElement('label');
    label.className = 'sr-only';
    label.textContent = 'Search routines, structures, headers and categories';
    const input = document.createElement('input');
    input.type = 'search';
    input.id = 'ddi-search-dialog-input';
    label.htmlFor = input.id;
    input.placeholder = 'Search: a name, part of a name (rundown), or words';
    input.autocomplete = 'off';
    input.spellcheck = false;
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.addEventListener('click', () => dialog!.close());
    const list = document.createElement('ul');
    const status = statusNode();
    const hint = document.createElement('p');
    hint.className = 'search-hint';
    hint.textContent = '↑ ↓ to move, Enter to open, Esc to close';
    form.append(label, input, close);
    dialog.append(form, status, list, hint);
    dialog.addEventListener('close', () => input.blur());
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog) dialog!.close();
    });
    document.body.append(dialog);
    new SearchController(input, list, status);
  }
  if (!dialog.open) dialog.showModal();
  const input = dialog.querySelector('input')!;
  input.focus();
  input.select();
}
