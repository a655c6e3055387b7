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

function replacements(sentence: string, self: string): string[] {
  const names: string[] = [];
  const grab = (re: RegExp) => {
    for (const m of sentence.matchAll(re)) {
      for (const w of m[1]!.split(/\s*,\s*|\s+or\s+|\s+and\s+/)) {
        const n = w.replace(/\(\)$/, '').trim();
        if (isNameLike(n) && n !== self && !names.includes(n)) names.push(n);
      }
    }
  };
  grab(/\breplaced (?:by|with) (?:the )?((?:[A-Za-z_][A-Za-z0-9_]*(?:\(\))?(?:\s*,\s*|\s+or\s+|\s+and\s+)?)+)/gi);
  grab(/\bconsider using (?:the )?((?:[A-Za-z_][A-Za-z0-9_]*(?:\(\))?(?:\s*,\s*|\s+or\s+|\s+and\s+)?)+)/gi);
  grab(/\b(?:use|call) (?:the )?((?:[A-Za-z_][A-Za-z0-9_]*(?:\(\))?(?:\s*,\s*|\s+or\s+|\s+and\s+)?)+)(?: routine| function)?s?\b[^.]*?\binstead\b/gi);
  return names;
}
