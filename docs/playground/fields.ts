/**
 * A JSON Schema (draft 2020-12) read as the fields of a form: objects, variants (oneOf/anyOf of objects), lists,
 * choices from an enum, yes/no, text, and raw JSON for what a form cannot show. Pure: no DOM, so it is tested in Node.
 */

/** A schema node as JSON: the generator reads only the keywords it knows and ignores the rest. */
export type Schema = { [keyword: string]: unknown };

export type Scalar = string | number | boolean | null;

interface FieldBase {
  /** The property name ('' for the root and for a list's items). */
  key: string;
  /** Property names from the root, `*` for a list's items: what labels are keyed by. */
  path: string[];
  /** Not in its parent's `required`: the form may leave it out. */
  optional: boolean;
  title?: string;
  description?: string;
  default?: unknown;
  examples?: unknown[];
}

export interface ObjectField extends FieldBase {
  kind: 'object';
  fields: Field[];
}
export interface Variant {
  /** The discriminator's value in this variant, or its title, or its position. */
  name: string;
  field: ObjectField;
}
export interface VariantsField extends FieldBase {
  kind: 'variants';
  /** The property whose constant tells the variants apart, when there is one. */
  tag?: string;
  variants: Variant[];
}
export interface ListField extends FieldBase {
  kind: 'list';
  item: Field;
  minItems: number;
  maxItems?: number;
}
export interface EnumField extends FieldBase {
  kind: 'enum';
  values: Scalar[];
}
export interface BooleanField extends FieldBase {
  kind: 'boolean';
}
/** Typed text: kept as the text when a string is allowed (money stays exact), else read as the number. */
export interface TextField extends FieldBase {
  kind: 'text';
  accepts: ('string' | 'number' | 'integer')[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}
export interface ConstField extends FieldBase {
  kind: 'const';
  value: Scalar;
}
/** Anything else (a recursive reference, an open map, a union of objects and scalars): edited as JSON. */
export interface JsonField extends FieldBase {
  kind: 'json';
}
export type Field = ObjectField | VariantsField | ListField | EnumField | BooleanField | TextField | ConstField | JsonField;

/** The JSON types a text input holds. */
const TEXT_TYPES: readonly string[] = ['string', 'number', 'integer'] satisfies TextField['accepts'];
const isTextType = (type: string): type is TextField['accepts'][number] => TEXT_TYPES.includes(type);

const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
const schemas = (value: unknown): Schema[] => (Array.isArray(value) ? value.filter(isObject) : []);

/** Every schema node below `node` (itself included), for `$anchor` look-ups. */
function nodesOf(node: unknown): Schema[] {
  if (Array.isArray(node)) return node.flatMap(nodesOf);
  return isObject(node) ? [node, ...Object.values(node).flatMap(nodesOf)] : [];
}

/**
 * The node a `$ref` within the document points to: a JSON Pointer (`#`, `#/$defs/money`, with `~0`/`~1`
 * escapes), a plain-name fragment (`#money`, a `$anchor`), either after the root's own `$id`. Another document: undefined.
 */
export function pointer(root: Schema, ref: string): Schema | undefined {
  const id = typeof root.$id === 'string' ? root.$id.replace(/#.*$/, '') : undefined;
  const local = id && ref.startsWith(`${id}#`) ? ref.slice(id.length) : ref;
  if (!local.startsWith('#')) return undefined;
  if (local.length > 1 && !local.startsWith('#/')) return nodesOf(root).find((n) => n.$anchor === local.slice(1));
  const tokens = local.slice(1).split('/').slice(1).map((t) => decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = root;
  for (const token of tokens) node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[token] : undefined;
  return isObject(node) ? node : undefined;
}

/** Local `$ref`s and `allOf` folded into one node; a reference already being followed (recursion) is left as is. */
function flatten(node: Schema, root: Schema, following: readonly string[]): { node: Schema; following: readonly string[] } {
  let current = node;
  let seen = following;
  while (typeof current.$ref === 'string' && !seen.includes(current.$ref)) {
    const { $ref, ...siblings } = current;
    const target = pointer(root, $ref as string);
    if (!target) break;
    seen = [...seen, $ref as string];
    current = { ...target, ...siblings };
  }
  if (Array.isArray(current.allOf)) {
    const { allOf, ...rest } = current;
    current = schemas(allOf).reduce<Schema>((merged, part) => merge(merged, flatten(part, root, seen).node), rest);
  }
  return { node: current, following: seen };
}

/** Two schemas that must both hold, as one: properties and required lists joined, other keywords of `b` win. */
function merge(a: Schema, b: Schema): Schema {
  const properties = { ...(isObject(a.properties) ? a.properties : {}), ...(isObject(b.properties) ? b.properties : {}) };
  const required = [...new Set([...strings(a.required), ...strings(b.required)])];
  return { ...a, ...b, ...(Object.keys(properties).length && { properties }), ...(required.length && { required }) };
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The JSON types a node admits: its `type` (one or a list), else what its `enum`/`const`/`properties`/`items` imply. */
function typesOf(node: Schema): string[] {
  if (typeof node.type === 'string') return [node.type];
  if (Array.isArray(node.type)) return strings(node.type);
  if (isObject(node.properties)) return ['object'];
  if ('items' in node) return ['array'];
  return [];
}

/** The constant values a node allows (`const` or `enum`), or undefined when it is not a closed set. */
function constantsOf(node: Schema): Scalar[] | undefined {
  if ('const' in node) return [node.const as Scalar];
  if (Array.isArray(node.enum)) return node.enum as Scalar[];
  return undefined;
}

const isNull = (node: Schema) => node.type === 'null' || (constantsOf(node)?.length === 1 && constantsOf(node)?.[0] === null);

/** The annotations every field carries. */
function base(node: Schema, key: string, path: string[], optional: boolean): FieldBase {
  return {
    key,
    path,
    optional,
    ...(typeof node.title === 'string' && { title: node.title }),
    ...(typeof node.description === 'string' && { description: node.description }),
    ...('default' in node && { default: node.default }),
    ...(Array.isArray(node.examples) && { examples: node.examples }),
  };
}

/**
 * The field of a schema node. `key` and `path` say where it sits; `optional` whether its parent requires it.
 * Annotations of the outer node (a `$ref`'s siblings, a union's title) stay with the field.
 */
export function fieldOf(schema: Schema, root: Schema = schema, key = '', path: string[] = [], optional = false, following: readonly string[] = []): Field {
  const flat = flatten(schema, root, following);
  const node = flat.node;
  const at = base(node, key, path, optional);
  if (typeof node.$ref === 'string') return { ...at, kind: 'json' };

  const union = [...schemas(node.oneOf), ...schemas(node.anyOf)];
  if (union.length) return unionField(node, union, root, at, flat.following);

  const constants = constantsOf(node);
  if (constants?.length === 1) return { ...at, kind: 'const', value: constants[0] as Scalar };
  if (constants) return { ...at, kind: 'enum', values: constants };

  const types = typesOf(node).filter((t) => t !== 'null');
  if (types.length === 1 && types[0] === 'object' && isObject(node.properties)) return objectField(node, root, at, flat.following);
  if (types.length === 1 && types[0] === 'array' && isObject(node.items)) {
    return {
      ...at,
      kind: 'list',
      item: fieldOf(node.items, root, '', [...path, '*'], false, flat.following),
      minItems: typeof node.minItems === 'number' ? node.minItems : 0,
      ...(typeof node.maxItems === 'number' && { maxItems: node.maxItems }),
    };
  }
  if (types.length === 1 && types[0] === 'boolean') return { ...at, kind: 'boolean' };
  if (types.length && types.every(isTextType)) return textField(at, [node], types);
  return { ...at, kind: 'json' };
}

function objectField(node: Schema, root: Schema, at: FieldBase, following: readonly string[]): ObjectField {
  const required = strings(node.required);
  const properties = node.properties as Record<string, unknown>;
  const fields = Object.entries(properties)
    .filter((entry): entry is [string, Schema] => isObject(entry[1]))
    .map(([name, child]) => fieldOf(child, root, name, [...at.path, name], !required.includes(name), following));
  return { ...at, kind: 'object', fields };
}

/** Bounds and length of text from every branch that states them (an `anyOf` string|number spreads them). */
function textField(at: FieldBase, branches: Schema[], accepts: TextField['accepts']): TextField {
  const first = (keyword: string) => branches.map((b) => b[keyword]).find((v): v is number => typeof v === 'number');
  const maxLength = first('maxLength');
  const minimum = first('minimum');
  const maximum = first('maximum');
  return {
    ...at,
    kind: 'text',
    accepts: [...new Set(accepts)],
    ...(maxLength !== undefined && { maxLength }),
    ...(minimum !== undefined && { minimum }),
    ...(maximum !== undefined && { maximum }),
  };
}

/**
 * `oneOf`/`anyOf`: objects become variants (told apart by a property that is constant in each), scalars one
 * text field, closed sets one choice; `null` branches only make the field nullable.
 */
function unionField(node: Schema, union: Schema[], root: Schema, at: FieldBase, following: readonly string[]): Field {
  const branches = union.map((b) => flatten(b, root, following).node).filter((b) => !isNull(b));
  if (branches.length === 1) {
    const { oneOf: _o, anyOf: _a, ...outer } = node;
    return fieldOf({ ...(branches[0] as Schema), ...outer }, root, at.key, at.path, at.optional, following);
  }
  const constants = branches.map(constantsOf);
  if (constants.every((c) => c !== undefined)) return { ...at, kind: 'enum', values: [...new Set(constants.flat() as Scalar[])] };
  const types = branches.map(typesOf);
  if (types.every((t) => t.length === 1 && t[0] === 'object')) {
    const objects = branches.map((b) => objectField(b, root, at, following));
    const tag = tagOf(branches);
    const names = branches.map((b, i) => variantName(b, tag, i));
    return {
      ...at,
      kind: 'variants',
      ...(tag && { tag }),
      // Names pick the variant in the form: two variants with the same title are told apart by position.
      variants: objects.map((field, i) => ({ name: names.indexOf(names[i] as string) === i ? (names[i] as string) : `${names[i]} #${i + 1}`, field })),
    };
  }
  const flat = types.flat();
  if (flat.length && flat.every(isTextType)) return textField(at, branches, flat);
  return { ...at, kind: 'json' };
}

/** The property constant in every branch with a different value in each: the discriminator. */
function tagOf(branches: Schema[]): string | undefined {
  const propertiesOf = (b: Schema) => (isObject(b.properties) ? (b.properties as Record<string, Schema>) : {});
  const candidates = Object.keys(propertiesOf(branches[0] as Schema));
  return candidates.find((name) => {
    const values = branches.map((b) => {
      const property = propertiesOf(b)[name];
      const constants = isObject(property) ? constantsOf(property) : undefined;
      return constants?.length === 1 ? constants[0] : undefined;
    });
    return values.every((v) => typeof v === 'string') && new Set(values).size === values.length;
  });
}

function variantName(branch: Schema, tag: string | undefined, index: number): string {
  const property = tag && isObject(branch.properties) ? (branch.properties as Record<string, Schema>)[tag] : undefined;
  const constants = property ? constantsOf(property) : undefined;
  if (typeof constants?.[0] === 'string') return constants[0];
  return typeof branch.title === 'string' ? branch.title : `#${index + 1}`;
}

/**
 * A form text read as the field wants it: empty is absent; where a string is allowed the text itself (money
 * stays an exact decimal string); a number field gets the number when the text is one, else the text, so
 * that validation names the field.
 */
export function readText(field: TextField, text: string): string | number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (field.accepts.includes('string')) return text;
  const pattern = field.accepts.includes('number') ? /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/ : /^-?\d+$/;
  return pattern.test(trimmed) ? Number(trimmed) : text;
}

/** The text a form shows for a value (numbers as JSON writes them). */
export const writeText = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));
