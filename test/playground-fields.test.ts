import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Field, fieldOf, pointer, readText, type Schema, type TextField } from '../docs/playground/fields.js';
import { fieldLabel, valueLabel } from '../docs/playground/labels.js';
import { startOfDay, timeline } from '../docs/playground/timeline.js';
import { claimJsonSchema, type Deadline } from '../src/index.js';

/** The claims-desk page's form model, labels and timeline: pure, so tested here; the page itself in playground.test.ts. */

const CLAIM = fieldOf(claimJsonSchema() as Schema);

/** Every field of a tree, depth first (variants' bodies and list items included). */
function walk(field: Field): Field[] {
  const below =
    field.kind === 'object' ? field.fields.flatMap(walk) : field.kind === 'variants' ? field.variants.flatMap((v) => walk(v.field).slice(1)) : field.kind === 'list' ? walk(field.item) : [];
  return [field, ...below];
}
const at = (root: Field, path: string) => walk(root).find((f) => f.path.join('.') === path && f.kind !== 'const');

describe('the claim schema as a form', () => {
  it('has a field for every property of the schema, required ones not optional', () => {
    const schema = claimJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(CLAIM.kind).toBe('object');
    const top = CLAIM.kind === 'object' ? CLAIM.fields : [];
    expect(top.map((f) => f.key)).toEqual(Object.keys(schema.properties));
    expect(top.filter((f) => !f.optional).map((f) => f.key)).toEqual(schema.required);
  });

  it('reads each kind of property as the control it needs', () => {
    expect(at(CLAIM, 'scope')).toMatchObject({ kind: 'enum', values: ['same-city', 'domestic', 'hk-macau', 'taiwan', 'international'] });
    expect(at(CLAIM, 'fee')).toMatchObject({ kind: 'text', accepts: ['string', 'number'] });
    expect(at(CLAIM, 'inspectionOffered')).toMatchObject({ kind: 'boolean', default: true, optional: true });
    expect(at(CLAIM, 'reportReturns')).toMatchObject({ kind: 'text', accepts: ['integer'], minimum: 0 });
    expect(at(CLAIM, 'insurance')).toMatchObject({ kind: 'object', optional: true });
    expect(at(CLAIM, 'events')).toMatchObject({ kind: 'object', optional: true, default: {} });
    expect(at(CLAIM, 'damage')).toMatchObject({ kind: 'variants', tag: 'extent', optional: true });
    expect((at(CLAIM, 'damage') as Extract<Field, { kind: 'variants' }>).variants.map((v) => v.name)).toEqual(['total', 'partial']);
    expect(at(CLAIM, 'contents.declared')).toMatchObject({ kind: 'list', minItems: 1, item: { kind: 'object', path: ['contents', 'declared', '*'] } });
    expect(at(CLAIM, 'contents.received.*.quantity')).toMatchObject({ kind: 'text', accepts: ['integer'] });
  });

  it('labels every field in English and Chinese from its table, not by the fallback', () => {
    for (const field of walk(CLAIM)) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const label = fieldLabel(field, lang);
        expect(label, `${field.path.join('.')} in ${lang}`).not.toBe(field.key);
        expect(label, `${field.path.join('.')} in ${lang}`).not.toBe(field.description);
      }
    }
    expect(fieldLabel(at(CLAIM, 'fee') as Field, 'zh-CN')).toContain('资费');
  });
});

describe('labels', () => {
  const unknown = { path: ['carrierNote'], key: 'carrierNote' };
  it('fall back to the schema title, then its description, then the key', () => {
    expect(fieldLabel({ ...unknown, title: 'Note', description: 'a note' }, 'zh-CN')).toBe('Note');
    expect(fieldLabel({ ...unknown, description: 'a note' }, 'en')).toBe('a note');
    expect(fieldLabel(unknown, 'en')).toBe('carrierNote');
  });
  it('name the values of choices in Chinese beside the value itself, in English the value', () => {
    expect(valueLabel(['scope'], 'domestic', 'zh-CN')).toBe('国内异地 (domestic)');
    expect(valueLabel(['scope'], 'domestic', 'en')).toBe('domestic');
    expect(valueLabel(['scope'], 'mars', 'zh-CN')).toBe('mars');
  });
});

describe('JSON Schema 2020-12 in general', () => {
  const money = { anyOf: [{ type: 'string', pattern: '^\\d+(\\.\\d{1,2})?$', maxLength: 32 }, { type: 'number', minimum: 0 }], title: 'Money' };
  const schema: Schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://example.com/claim.json',
    $defs: { money, 'a/b': { type: 'boolean' }, weight: { $anchor: 'weight', type: 'number' }, node: { type: 'object', properties: { next: { $ref: '#/$defs/node' } } } },
    type: 'object',
    required: ['fee'],
    properties: {
      fee: { $ref: '#/$defs/money', description: 'the fee' },
      flag: { $ref: '#/$defs/a~1b' },
      weightKg: { $ref: '#weight' },
      insured: { $ref: 'https://example.com/claim.json#/$defs/money' },
      merged: { allOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { properties: { b: { type: 'integer' } } }] },
      nullable: { oneOf: [{ type: 'string' }, { type: 'null' }] },
      listed: { type: ['string', 'null'] },
      fixed: { const: 'v1' },
      mixed: { enum: ['a', 1, true] },
      tree: { $ref: '#/$defs/node' },
      tuple: { type: 'array', prefixItems: [{ type: 'string' }] },
      shape: {
        oneOf: [
          { title: 'Circle', type: 'object', properties: { r: { type: 'number' } } },
          { title: 'Square', type: 'object', properties: { side: { type: 'number' } } },
        ],
      },
    },
  };
  const form = fieldOf(schema);

  it('follows local references, keeping the annotations beside them', () => {
    expect(at(form, 'fee')).toMatchObject({ kind: 'text', accepts: ['string', 'number'], title: 'Money', description: 'the fee', maxLength: 32, minimum: 0, optional: false });
    expect(at(form, 'flag')).toMatchObject({ kind: 'boolean' });
    expect(at(form, 'weightKg')).toMatchObject({ kind: 'text', accepts: ['number'] });
    expect(at(form, 'insured')).toMatchObject({ kind: 'text', accepts: ['string', 'number'], title: 'Money' });
    expect(pointer(schema, '#/$defs/a~1b')).toEqual({ type: 'boolean' });
    expect(pointer(schema, 'https://example.com/other.json')).toBeUndefined();
  });

  it('merges allOf, drops null branches, reads type lists, constants and mixed enums', () => {
    const merged = at(form, 'merged');
    expect(merged?.kind === 'object' && merged.fields.map((f) => [f.key, f.kind, f.optional])).toEqual([
      ['a', 'text', false],
      ['b', 'text', true],
    ]);
    expect(at(form, 'nullable')).toMatchObject({ kind: 'text', accepts: ['string'] });
    expect(at(form, 'listed')).toMatchObject({ kind: 'text', accepts: ['string'] });
    expect(walk(form).find((f) => f.key === 'fixed')).toMatchObject({ kind: 'const', value: 'v1' });
    expect(at(form, 'mixed')).toMatchObject({ kind: 'enum', values: ['a', 1, true] });
  });

  it('names variants without a discriminator by title; leaves recursion and tuples to JSON', () => {
    const shape = at(form, 'shape');
    expect(shape).toMatchObject({ kind: 'variants' });
    expect(shape?.kind === 'variants' && [shape.tag, shape.variants.map((v) => v.name)]).toEqual([undefined, ['Circle', 'Square']]);
    expect(at(form, 'tree.next')).toMatchObject({ kind: 'json' });
    expect(at(form, 'tuple')).toMatchObject({ kind: 'json' });
  });
});

describe('form text as JSON', () => {
  const field = (accepts: TextField['accepts']): TextField => ({ kind: 'text', key: 'x', path: ['x'], optional: true, accepts });
  it('leaves an empty field out', () => {
    expect(readText(field(['string', 'number']), '  ')).toBeUndefined();
  });
  it('keeps money as the text typed, so that it stays exact', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), (text) => {
        expect(readText(field(['string', 'number']), text)).toBe(text);
      }),
    );
  });
  it('reads an integer field as the integer, and anything else as text for validation to name', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(readText(field(['integer']), String(n))).toBe(n);
      }),
    );
    expect(readText(field(['integer']), '2.5')).toBe('2.5');
    expect(readText(field(['number']), '2.5')).toBe(2.5);
    expect(readText(field(['number']), 'two')).toBe('two');
  });
});

describe('deadlines as a timeline', () => {
  it('starts the as-of day at midnight in the policy zone, across a daylight-saving change', () => {
    expect(startOfDay('2026-03-20', 'Asia/Shanghai')).toBe(Date.parse('2026-03-20T00:00:00+08:00'));
    expect(startOfDay('2026-03-08', 'America/New_York')).toBe(Date.parse('2026-03-08T00:00:00-05:00'));
    expect(startOfDay('2026-03-09', 'America/New_York')).toBe(Date.parse('2026-03-09T00:00:00-04:00'));
    expect(startOfDay('2026-3-9', 'Asia/Shanghai')).toBeUndefined();
  });

  /** A deadline known by a label of the test's own: the timeline orders by due instant only, whatever the ID. */
  const deadline = (id: string, due: string): Deadline => ({ id: id as Deadline['id'], due, basis: '', source: '' });
  it('counts a deadline due at the as-of moment as passed, one a millisecond later as ahead', () => {
    const asOf = Date.parse('2026-03-20T00:00:00+08:00');
    const entries = timeline([deadline('later', '2026-03-20T00:00:00.001+08:00'), deadline('now', '2026-03-19T16:00:00Z')], asOf);
    expect(entries.map((e) => [e.deadline.id, e.passed])).toEqual([
      ['now', true],
      ['later', false],
    ]);
  });

  it('orders every deadline by when it falls, whatever its offset, passed exactly when due by the as-of moment', () => {
    const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
    const offset = fc.constantFrom(-300, 0, 480, 525);
    const iso = (ms: number, minutes: number) => {
      const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 23);
      const sign = minutes < 0 ? '-' : '+';
      const abs = Math.abs(minutes);
      return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, offset)), instant, (dues, asOf) => {
        const entries = timeline(dues.map(([ms, minutes], i) => deadline(`D-${i}`, iso(ms, minutes))), asOf);
        const times = entries.map((e) => Date.parse(e.deadline.due));
        expect(times).toEqual(dues.map(([ms]) => ms).sort((a, b) => a - b));
        entries.forEach((e) => expect(e.passed).toBe(Date.parse(e.deadline.due) <= asOf));
      }),
    );
  });
});
