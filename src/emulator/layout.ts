/**
 * The type-layout registry: scalar types of the WDK and structures at their x64 size and alignment.
 *
 * A module declares its structures as a table (see `LayoutTable`): each structure is a list of
 * `[fieldName, type]` in declaration order, laid out with the C rules of the x64 ABI (each field at a
 * multiple of its alignment, the structure padded to a multiple of its largest alignment).
 */

export type ScalarKind = 'u' | 's' | 'ptr';

export interface Scalar {
  size: number;
  align: number;
  kind: ScalarKind;
}

/** How a field is written in a layout table. */
export type FieldType =
  | string /* a type name: 'ULONG', 'PVOID', 'LIST_ENTRY', 'UCHAR[16]', 'PLIST_ENTRY' */
  | { union: FieldList }
  | { struct: FieldList };

/** Fields in order. A field named '' is an anonymous union or structure: its members are reached directly. */
export type FieldList = [name: string, type: FieldType][];

/**
 * A structure declaration: its fields, a union, or an opaque block of a stated size where the layout is not
 * public (the module says so), or a type name it aliases (`KSPIN_LOCK: 'ULONG_PTR'`).
 */
export type LayoutDecl =
  | FieldList
  | { union: FieldList }
  /** A structure with a declared alignment (DECLSPEC_ALIGN / DECLSPEC_CACHEALIGN). */
  | { struct: FieldList; align: number }
  | { opaque: { size: number; align: number } }
  | string;

export type LayoutTable = Record<string, LayoutDecl>;

export interface Field {
  name: string;
  offset: number;
  type: Layout;
  /** Type name as written, for reads of scalar fields. */
  typeName: string;
}

export interface Layout {
  name: string;
  size: number;
  align: number;
  /** Set for scalar types (and pointers); absent for aggregates. */
  scalar?: Scalar;
  fields?: Map<string, Field>;
  /** Element layout and count for arrays. */
  element?: Layout;
  count?: number;
}

const SCALARS: Record<string, Scalar> = {};
function scalar(names: string[], size: number, kind: ScalarKind) {
  for (const n of names) SCALARS[n] = { size, align: size, kind };
}
scalar(['UCHAR', 'BYTE', 'BOOLEAN', 'KIRQL', 'CCHAR_UNSIGNED', 'UINT8'], 1, 'u');
scalar(['CHAR', 'CCHAR', 'KPROCESSOR_MODE', 'INT8'], 1, 's');
scalar(['USHORT', 'WCHAR', 'WORD', 'UINT16'], 2, 'u');
scalar(['SHORT', 'CSHORT', 'INT16'], 2, 's');
scalar(['ULONG', 'DWORD', 'UINT', 'UINT32', 'NTSTATUS', 'LOGICAL', 'POOL_TYPE', 'EVENT_TYPE', 'TIMER_TYPE',
  'KWAIT_REASON', 'WAIT_TYPE', 'KDPC_IMPORTANCE', 'LOCK_OPERATION', 'EX_POOL_PRIORITY', 'KINTERRUPT_MODE',
  'LOOKASIDE_LIST_TYPE'], 4, 'u');
scalar(['LONG', 'INT', 'INT32', 'KPRIORITY', 'EX_SPIN_LOCK'], 4, 's');
scalar(['ULONGLONG', 'ULONG64', 'DWORD64', 'UINT64', 'ULONG_PTR', 'SIZE_T', 'KAFFINITY', 'KSPIN_LOCK', 'POOL_FLAGS',
  'ULARGE_INTEGER', 'DWORD_PTR', 'UINT_PTR'], 8, 'u');
scalar(['LONGLONG', 'LONG64', 'INT64', 'LONG_PTR', 'SSIZE_T', 'LARGE_INTEGER', 'INT_PTR'], 8, 's');
scalar(['PVOID', 'HANDLE', 'PCHAR', 'PWCHAR', 'PWSTR', 'PCWSTR', 'PSTR', 'PCSTR', 'PUCHAR', 'PCVOID', 'PCHAR'], 8, 'ptr');

const ARRAY = /^(.+)\[(\d+)\]$/;

export class LayoutRegistry {
  private readonly decls = new Map<string, LayoutDecl>();
  private readonly cache = new Map<string, Layout>();

  /** Adds a module's table; a name declared twice is a programming error. */
  add(table: LayoutTable, origin: string): void {
    for (const [name, decl] of Object.entries(table)) {
      if (this.decls.has(name) || SCALARS[name]) throw new Error(`${origin}: layout ${name} is declared twice`);
      this.decls.set(name, decl);
    }
  }

  has(name: string): boolean {
    return this.tryGet(name) !== null;
  }

  /** The layout of a type name; throws a clear error for an unknown type. */
  get(name: string): Layout {
    const l = this.tryGet(name);
    if (!l) throw new TypeError(`unknown type ${name}`);
    return l;
  }

  private tryGet(rawName: string): Layout | null {
    const name = rawName.replace(/\s+/g, ' ').trim();
    const hit = this.cache.get(name);
    if (hit) return hit;
    const l = this.compute(name);
    if (l) this.cache.set(name, l);
    return l;
  }

  private compute(name: string): Layout | null {
    const arr = ARRAY.exec(name);
    if (arr) {
      const element = this.get(arr[1]!);
      const count = Number(arr[2]);
      return { name, size: element.size * count, align: element.align, element, count };
    }
    const s = SCALARS[name];
    if (s) return { name, size: s.size, align: s.align, scalar: s };
    if (name.endsWith('*')) return { name, size: 8, align: 8, scalar: { size: 8, align: 8, kind: 'ptr' } };
    const decl = this.decls.get(name);
    if (decl === undefined) {
      // PFOO / PCFOO for a known FOO is a pointer, as the WDK typedefs them.
      const target = name.startsWith('PC') ? name.slice(2) : name.startsWith('P') ? name.slice(1) : null;
      if (target && (this.decls.has(target) || SCALARS[target] || name.startsWith('P'))) {
        return { name, size: 8, align: 8, scalar: { size: 8, align: 8, kind: 'ptr' } };
      }
      return null;
    }
    if (typeof decl === 'string') return { ...this.get(decl), name };
    if (Array.isArray(decl)) return this.aggregate(name, decl, false);
    if ('union' in decl) return this.aggregate(name, decl.union, true);
    if ('struct' in decl) {
      const l = this.aggregate(name, decl.struct, false);
      const align = Math.max(l.align, decl.align);
      return { ...l, align, size: Math.ceil(l.size / align) * align };
    }
    return { name, size: decl.opaque.size, align: decl.opaque.align, fields: new Map() };
  }

  private fieldLayout(owner: string, t: FieldType): Layout {
    if (typeof t === 'string') return this.get(t);
    if ('union' in t) return this.aggregate(`${owner}.<union>`, t.union, true);
    return this.aggregate(`${owner}.<struct>`, t.struct, false);
  }

  private aggregate(name: string, list: FieldList, isUnion: boolean): Layout {
    const fields = new Map<string, Field>();
    let offset = 0;
    let size = 0;
    let align = 1;
    for (const [fname, ftype] of list) {
      const fl = this.fieldLayout(name, ftype);
      const at = isUnion ? 0 : Math.ceil(offset / fl.align) * fl.align;
      align = Math.max(align, fl.align);
      if (fname === '') {
        for (const [inner, f] of fl.fields ?? []) fields.set(inner, { ...f, offset: at + f.offset });
      } else {
        fields.set(fname, { name: fname, offset: at, type: fl, typeName: typeof ftype === 'string' ? ftype : fl.name });
      }
      offset = at + fl.size;
      size = Math.max(size, offset);
    }
    size = Math.ceil(size / align) * align;
    return { name, size, align, fields };
  }

  /** Offset of a dotted field path (`'Header.SignalState'`, `'Buffer[2]'`) and the field's layout. */
  resolve(type: string, path: string): { offset: number; layout: Layout; typeName: string } {
    let layout = this.get(type);
    let offset = 0;
    let typeName = type;
    for (const part of path.split('.')) {
      const m = /^([A-Za-z_0-9]+)(?:\[(\d+)\])?$/.exec(part);
      if (!m) throw new TypeError(`bad field path ${path}`);
      const f = layout.fields?.get(m[1]!);
      if (!f) throw new TypeError(`${layout.name} has no field ${m[1]}`);
      offset += f.offset;
      layout = f.type;
      typeName = f.typeName;
      if (m[2] !== undefined) {
        if (!layout.element) throw new TypeError(`${part}: ${layout.name} is not an array`);
        offset += Number(m[2]) * layout.element.size;
        layout = layout.element;
        typeName = layout.name;
      }
    }
    return { offset, layout, typeName };
  }
}

export function isScalarName(name: string): boolean {
  return SCALARS[name] !== undefined;
}
