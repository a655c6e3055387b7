import { describe, expect, it } from 'vitest';
import { blockGlobals, describeThrown } from '../../src/examples/sandbox.ts';

describe('blockGlobals', () => {
  it('hides a name on the object and on every prototype that carries it, data or accessor', () => {
    const base = { fetch: () => 'net' };
    Object.defineProperty(base, 'indexedDB', { get: () => 'db', configurable: true });
    const middle = Object.create(base) as Record<string, unknown>;
    middle.importScripts = () => 'loaded';
    const scope = Object.create(middle) as Record<string, unknown>;
    expect(blockGlobals(scope, ['fetch', 'indexedDB', 'importScripts', 'neverDefined'])).toEqual([]);
    for (const name of ['fetch', 'indexedDB', 'importScripts', 'neverDefined']) {
      expect(scope[name], name).toBeUndefined();
      for (let o: object | null = scope; o; o = Object.getPrototypeOf(o)) {
        expect((o as Record<string, unknown>)[name], `${name} on the chain`).toBeUndefined();
      }
    }
    // Nothing can put them back.
    expect(() => Object.defineProperty(Object.getPrototypeOf(middle), 'fetch', { value: 1 })).toThrow(TypeError);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'neverDefined')).toBe(false);
  });

  it('reports a name it could not hide', () => {
    const proto = {};
    Object.defineProperty(proto, 'fetch', { value: () => 'net', configurable: false, writable: false });
    const scope = Object.create(proto) as Record<string, unknown>;
    Object.defineProperty(scope, 'WebSocket', { value: 'ws', configurable: false });
    expect(blockGlobals(scope, ['fetch', 'WebSocket']).sort()).toEqual(['WebSocket', 'fetch']);
  });
});

describe('describeThrown', () => {
  it('names errors and converts ordinary values', () => {
    expect(describeThrown(new TypeError('boom'))).toBe('TypeError: boom');
    expect(describeThrown(42)).toBe('42');
    expect(describeThrown(Symbol('s'))).toBe('Symbol(s)');
  });

  it('never throws, whatever the value', () => {
    expect(describeThrown(Object.create(null))).toBe('a value of type object that cannot be shown as text');
    expect(describeThrown({ toString() { throw new Error('no'); } })).toBe('a value of type object that cannot be shown as text');
    const e = new Error('x');
    Object.defineProperty(e, 'name', { get() { throw new Error('hostile'); } });
    expect(describeThrown(e)).toBe('a value of type object that cannot be shown as text');
  });
});
