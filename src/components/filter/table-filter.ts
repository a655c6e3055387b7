/**
 * Filters the rows of `[data-filter-table]` tables. A text input `[data-filter-text]` matches a row's
 * `data-name`; each `select[data-filter]` keeps rows whose attribute `data-<name>` (a space-separated
 * list) contains the chosen value. Without script every row stays visible.
 */
export function installTableFilters(): void {
  for (const form of document.querySelectorAll<HTMLElement>('[data-filter-for]')) {
    const table = document.getElementById(form.dataset.filterFor ?? '');
    if (!table) continue;
    const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    const text = form.querySelector<HTMLInputElement>('[data-filter-text]');
    const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
    const count = form.querySelector<HTMLElement>('[data-filter-count]');
    const apply = () => {
      const needle = (text?.value ?? '').trim().toLowerCase();
      let shown = 0;
      for (const row of rows) {
        const nameOk = !needle || (row.dataset.name ?? '').toLowerCase().includes(needle);
        const selectsOk = selects.every((s) => !s.value || (row.getAttribute(`data-${s.dataset.filter}`) ?? '').split(' ').includes(s.value));
        row.hidden = !(nameOk && selectsOk);
        if (!row.hidden) shown++;
      }
      if (count) count.textContent = `${shown} of ${rows.length} shown`;
    };
    // A link such as /irql/#DISPATCH_LEVEL opens the table filtered to that value.
    const fromHash = () => {
      const wanted = decodeURIComponent(location.hash.slice(1));
      for (const s of selects) if (wanted && [...s.options].some((o) => o.value === wanted)) s.value = wanted;
      apply();
    };
    form.hidden = false;
    text?.addEventListener('input', apply);
    for (const s of selects) s.addEventListener('change', apply);
    window.addEventListener('hashchange', fromHash);
    fromHash();
  }
}
