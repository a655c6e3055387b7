/**
 * "Keep the whole site offline": fetches every page and search index file listed in /offline-manifest.json
 * into the service worker's cache, a few at a time, showing progress. Files already cached are skipped.
 */
const CACHE = 'ddi-atlas-v1';
const PARALLEL = 4;

export function installSaveOffline(): void {
  const button = document.getElementById('save-offline') as HTMLButtonElement | null;
  const status = document.getElementById('save-offline-status');
  if (!button || !status) return;
  if (!('caches' in window) || !('serviceWorker' in navigator)) {
    button.disabled = true;
    status.textContent = 'This browser cannot keep pages offline.';
    return;
  }
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const manifest = (await (await fetch('/offline-manifest.json', { cache: 'no-store' })).json()) as { pages: string[] };
      const cache = await caches.open(CACHE);
      const todo: string[] = [];
      for (const page of manifest.pages) if (!(await cache.match(page))) todo.push(page);
      let done = manifest.pages.length - todo.length;
      let failed = 0;
      const worker = async () => {
        for (let page = todo.pop(); page !== undefined; page = todo.pop()) {
          try {
            const response = await fetch(page);
            if (response.ok) await cache.put(page, response);
            else failed++;
          } catch {
            failed++;
          }
          done++;
          status.textContent = `${done} of ${manifest.pages.length} files saved`;
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      status.textContent = failed
        ? `${done - failed} of ${manifest.pages.length} files saved; ${failed} failed (try again online).`
        : `All ${manifest.pages.length} pages and search files are saved for offline use.`;
      status.dataset.done = 'true';
    } catch (error) {
      status.textContent = `Could not save the site: ${(error as Error).message}`;
    } finally {
      button.disabled = false;
    }
  });
}
