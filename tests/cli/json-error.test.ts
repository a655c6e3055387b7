import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../scripts/ddi/json-error.ts';

describe('jsonErrorOffset', () => {
  it('accepts valid JSON', () => {
    expect(jsonErrorOffset('{"a": [1, -2.5e3, "x\\u00e9\\n", true, false, null, {}]}\n')).toBeNull();
  });
  it('points at the first character that cannot continue the text', () => {
    expect(jsonErrorOffset('[1,,2]')).toBe(3);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('[1] x')).toBe(4);
    expect(jsonErrorOffset('{"a": [1, 2}')).toBe(11);
  });
  it('points past the end of a truncated text', () => {
    expect(jsonErrorOffset('{"a": [1, 2')).toBe(11);
    expect(jsonErrorOffset('"abc')).toBe(4);
  });
  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 20 })), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonErrorOffset(text) === null).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });
});
