/** The site's URL contract (ARCHITECTURE.md "Site"): one place builds every internal URL. */

export type EntityType = 'routine' | 'structure' | 'header' | 'category';

const SECTION: Record<EntityType, string> = {
  routine: 'routines',
  structure: 'structures',
  header: 'headers',
  category: 'categories',
};

/**
 * The page URL of an entity. Category slugs keep their `/` separators (they are paths).
 * @example entityUrl('routine', 'ExAcquireRundownProtection') // '/routines/ExAcquireRundownProtection/'
 */
export function entityUrl(type: EntityType, name: string): string {
  const path = type === 'category' ? name.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(name);
  return `/${SECTION[type]}/${path}/`;
}

/**
 * The per-entity JSON URL (routines, structures, headers).
 * @example entityJsonUrl('header', 'wdm.h') // '/headers/wdm.h.json'
 */
export function entityJsonUrl(type: Exclude<EntityType, 'category'>, name: string): string {
  return `/${SECTION[type]}/${encodeURIComponent(name)}.json`;
}
