/**
 * The part of search every page carries: keyboard shortcuts and the loader. `/` (as in DevDocs and
 * rustdoc) and Ctrl+K (Cmd+K) open the search; the UI module is imported on first use.
 */
let loading: Promise<typeof import('./search-ui.ts')> | undefined;

export function loadSearchUi(): Promise<typeof import('./search-ui.ts')> {
  loading ??= import('./search-ui.ts');
  return loading;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // Right after the search dialog closes, its (now hidden) input can still be the event target.
  if (target.closest('dialog:not([open])')) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/** Opens the page's own search box when it has one (home), else the search dialog. */
async function openSearch(): Promise<void> {
  const inline = document.querySelector<HTMLInputElement>('[data-search-inline] input');
  if (inline) {
    inline.focus();
    inline.select();
    return;
  }
  (await loadSearchUi()).openDialog();
}

export function installSearchShortcuts(): void {
  document.addEventListener('keydown', (event) => {
    // In the home page's own (empty) search box, `/` is the shortcut, not the first character of a query.
    const inEmptyBox = event.target instanceof HTMLInputElement && !!event.target.closest('[data-search-inline]') && !event.target.value;
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && (inEmptyBox || !isEditable(event.target));
    const ctrlK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
    if (!slash && !ctrlK) return;
    event.preventDefault();
    void openSearch();
  });
  for (const button of document.querySelectorAll('[data-open-search]')) {
    button.addEventListener('click', () => void openSearch());
  }
  for (const box of document.querySelectorAll<HTMLElement>('[data-search-inline]')) {
    const input = box.querySelector('input');
    const attach = () => void loadSearchUi().then((ui) => ui.attachInline(box));
    input?.addEventListener('focus', attach, { once: true });
    if (input && document.activeElement === input) attach();
  }
}
