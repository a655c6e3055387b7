/** Helpers for the example worker's sandbox, kept free of worker globals so Node can test them. */

/**
 * Makes each name read as undefined on `scope` and on every object of its prototype chain. Shadowing the global
 * alone is not enough: Chromium keeps operations such as `fetch` and `importScripts` and accessors such as
 * `indexedDB` on WorkerGlobalScope.prototype, where `Object.getPrototypeOf(self).fetch.call(self, …)` would
 * still reach them. Returns the names that could not be blocked on some object (non-configurable there).
 */
export function blockGlobals(scope: object, names: readonly string[]): string[] {
  const chain: object[] = [];
  for (let o: object | null = scope; o; o = Object.getPrototypeOf(o)) chain.push(o);
  const failed = new Set<string>();
  for (const name of names) {
    for (const o of chain) {
      if (o !== scope && !Object.prototype.hasOwnProperty.call(o, name)) continue;
      try {
        Object.defineProperty(o, name, { value: undefined, configurable: false, writable: false, enumerable: false });
      } catch {
        const d = Object.getOwnPropertyDescriptor(o, name);
        if (d && ('value' in d ? d.value !== undefined : true)) failed.add(name);
      }
    }
  }
  return [...failed];
}

/** Text for any thrown value, including ones whose conversion to text throws (Object.create(null), hostile toString). */
export function describeThrown(e: unknown): string {
  try {
    if (e instanceof Error) return `${String(e.name)}: ${String(e.message)}`;
  } catch {
    /* a hostile name or message getter: fall through */
  }
  try {
    return String(e);
  } catch {
    try {
      return `a value of type ${typeof e} that cannot be shown as text`;
    } catch {
      return 'a value that cannot be shown as text';
    }
  }
}
