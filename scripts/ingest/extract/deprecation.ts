import { isNameLike } from './portal.ts';

export interface Deprecation {
  /** The sentence that says so (and the next one when it names the replacement), as plain markdown. */
  note: string;
  replacedBy: string[];
}

/**
 * Reads a deprecation note of a reference page ("The ExAllocatePool routine is obsolete…", "ExAllocatePoolWithTag
 * has been deprecated in Windows 10, version 2004 and has been replaced by ExAllocatePool2", "This function is
 * obsolete.") from its prose. Only sentences whose subject is the page's own routine count (a page that says
 * some *variable* is obsolete does not make the routine obsolete). The replacement is what the sentence, or
 * the one after it, says the routine was "replaced by" or to "use … instead".
 *
 * @example readDeprecation('MmFoo', ['The **MmFoo** routine is obsolete. Use MmBar instead.']) // { note: …, replacedBy: ['MmBar'] }
 */
export function readDeprecation(name: string, proseFields: (string | null | undefined)[]): Deprecation | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const kind = '(?: routine| function| macro| callback| ddi| api)?';
  // The verb follows the subject directly: "This structure is obsolete" is not about the routine.
  const subject = new RegExp(`^(?:(?:in|starting with|for) [^,]+, )?(?:this${kind}|the ${escaped}${kind}|${escaped}${kind}) (?:is|are|has been|was) (?:now )?(?:obsolete|deprecated)\\b`, 'i');
  for (const field of proseFields) {
    if (!field || !/obsolete|deprecated/i.test(field)) continue;
    const sentences = plain(field)
      .split(/\n\s*\n/)
      .flatMap((p) => p.replace(/\s+/g, ' ').split(/(?<=[a-z0-9)][.!?])\s*(?=[A-Z*`[])/));
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i]!.trim().replace(/^(?:note|important|warning|caution)\s*:?\s*/i, '');
      if (!subject.test(s)) continue;
      let replacedBy = replacements(s, name);
      let note = s;
      if (replacedBy.length === 0 && sentences[i + 1]) {
        const next = replacements(sentences[i + 1]!, name);
        if (next.length) {
          replacedBy = next;
          note = `${s} ${sentences[i + 1]!.trim()}`;
        }
      }
      return { note, replacedBy };
    }
  }
  return null;
}

/** Markdown emphasis, code marks and links reduced to their text; GitHub note markers dropped. */
function plain(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/\\([\\`*[\]<])/g, '$1')
    .replace(/\*/g, '')
    .replace(/^>\s?(\[!\w+\]\s*)?/gm, '');
}

// One name, or several joined by commas, "or", "and". Separators are required between names, so that a long
// name cannot be split in many ways when the rest of the pattern fails (exponential backtracking).
const NAME_LIST = String.raw`[A-Za-z_]\w*(?:\(\))?(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+or\s+|\s+and\s+)[A-Za-z_]\w*(?:\(\))?)*`;
const REPLACED_BY = new RegExp(String.raw`\breplaced (?:by|with) (?:the )?(${NAME_LIST})`, 'gi');
const CONSIDER = new RegExp(String.raw`\bconsider using (?:the )?(${NAME_LIST})`, 'gi');
const USE_INSTEAD = new RegExp(String.raw`\b(?:use|call) (?:the )?(${NAME_LIST})[^.]*?\binstead\b`, 'gi');

function replacements(sentence: string, self: string): string[] {
  const names: string[] = [];
  for (const re of [REPLACED_BY, CONSIDER, USE_INSTEAD]) {
    for (const m of sentence.matchAll(re)) {
      for (const w of m[1]!.split(/\s*,\s*(?:and\s+|or\s+)?|\s+or\s+|\s+and\s+/)) {
        const n = w.replace(/\(\)$/, '').trim();
        if (isNameLike(n) && n !== self && !names.includes(n)) names.push(n);
      }
    }
  }
  return names;
}
