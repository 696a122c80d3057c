/**
 * The form of a schema's fields: each field a control that reads its value as JSON, takes a value from JSON,
 * and shows the validation issues under its path beside itself. Objects are fieldsets (optional ones behind a
 * toggle), variants a choice of their discriminator, lists rows to add and remove, enums selects, booleans
 * checkboxes (yes / no / not given where absent differs from no), the rest text inputs or JSON.
 */
import type { InputIssue } from 'courier-claims';
import { el, ErrorSlot, freshId } from './dom.js';
import type { BooleanField, ConstField, EnumField, Field, JsonField, ListField, ObjectField, TextField, Variant, VariantsField } from './fields.js';
import { readText, writeText } from './fields.js';
import { fieldLabel, type Lang, ui, valueLabel } from './labels.js';

/** A problem at a path below a control (array indices as strings): the library's issues, made relative. */
type Issue = InputIssue;

export interface Control {
  element: HTMLElement;
  /** The value as JSON; undefined when the field is left out. */
  get(): unknown;
  /** Fills the field from JSON; returns what the form has no place for. */
  set(value: unknown): Issue[];
  /** Shows these issues (paths relative to this control) and clears the ones shown before. */
  show(issues: readonly Issue[]): void;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The control of a field whose value sits at `name` (JSON path with array indices) in the claim. */
export function controlOf(field: Field, name: string[], lang: Lang): Control {
  switch (field.kind) {
    case 'object':
      return objectControl(field, name, lang);
    case 'variants':
      return variantsControl(field, name, lang);
    case 'list':
      return listControl(field, name, lang);
    case 'enum':
      return enumControl(field, name, lang);
    case 'boolean':
      return field.optional && field.default === undefined ? enumControl(yesNo(field), name, lang) : checkboxControl(field, name, lang);
    case 'text':
      return inputControl(field, name, lang);
    case 'const':
      return constControl(field);
    case 'json':
      return jsonControl(field, name, lang);
  }
}

/** A labelled input with its hint (the schema's description) and its error slot. */
function labelled(field: Field, input: HTMLElement, lang: Lang, after = false): { element: HTMLElement; errors: ErrorSlot } {
  input.id = freshId('field');
  const label = el('label', { for: input.id }, fieldLabel(field, lang));
  const hint = field.description && fieldLabel(field, lang) !== field.description ? el('small', { id: freshId('hint') }, field.description) : undefined;
  if (hint) input.setAttribute('aria-describedby', hint.id);
  const errors = new ErrorSlot(input);
  const parts = after ? [input, label] : [label, input];
  const element = el('div', { class: `field field-${field.kind}` }, ...parts, ...(hint ? [hint] : []), errors.element);
  return { element, errors };
}

/** Issues as text: each message after its path, where there is one left. */
export const messages = (issues: readonly Issue[]) => issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));

/** Issues split by their first path segment among `keys`; the rest belong to the control itself. */
function route(issues: readonly Issue[], keys: readonly string[]): { own: Issue[]; byKey: Map<string, Issue[]> } {
  const byKey = new Map<string, Issue[]>(keys.map((k) => [k, []]));
  const own: Issue[] = [];
  for (const issue of issues) {
    const [first, ...rest] = issue.path;
    const list = first === undefined ? undefined : byKey.get(first);
    if (list) list.push({ path: rest, message: issue.message });
    else own.push(issue);
  }
  return { own, byKey };
}

/**
 * A fieldset, behind a toggle when the field is optional: off, the field is left out. The root and a variant's
 * body have no legend of their own.
 */
function section(field: Field, name: string[], lang: Lang, body: HTMLElement[], bare: boolean) {
  const errors = new ErrorSlot();
  const content = el('div', { class: 'section-body' }, ...body, errors.element);
  if (bare) return { element: el('div', { class: 'section' }, content), errors, isOn: () => true, turn: (_on: boolean) => {} };
  const title = fieldLabel(field, lang);
  const toggle = field.optional ? el('input', { type: 'checkbox', name: name.join('.'), id: freshId('toggle') }) : undefined;
  const legend = el('legend', {}, ...(toggle ? [toggle, el('label', { for: toggle.id }, title)] : [title]));
  const element = el('fieldset', { class: `section section-${field.kind}` }, legend, content);
  const turn = (on: boolean) => {
    if (!toggle) return;
    toggle.checked = on;
    content.hidden = !on;
  };
  toggle?.addEventListener('change', () => turn(toggle.checked));
  turn(false);
  return { element, errors, isOn: () => !toggle || toggle.checked, turn };
}

function objectControl(field: ObjectField, name: string[], lang: Lang, bare = name.length === 0): Control {
  const children = field.fields.map((f) => ({ key: f.key, control: controlOf(f, [...name, f.key], lang) }));
  const box = section(field, name, lang, children.map((c) => c.control.element), bare);
  return {
    element: box.element,
    get() {
      if (!box.isOn()) return undefined;
      const entries = children.map((c) => [c.key, c.control.get()] as const).filter(([, v]) => v !== undefined);
      return Object.fromEntries(entries);
    },
    set(value) {
      if (!isRecord(value)) {
        box.turn(false);
        children.forEach((c) => c.control.set(undefined));
        return value === undefined ? [] : [{ path: [], message: 'not an object' }];
      }
      box.turn(true);
      const known = new Set(children.map((c) => c.key));
      const unknown = Object.keys(value).filter((k) => !known.has(k)).map((k) => ({ path: [k], message: ui('unknownField', lang) }));
      return [...unknown, ...children.flatMap((c) => c.control.set(value[c.key]).map((i) => ({ ...i, path: [c.key, ...i.path] })))];
    },
    show(issues) {
      const { own, byKey } = route(issues, children.map((c) => c.key));
      children.forEach((c) => c.control.show(byKey.get(c.key) ?? []));
      box.errors.show(messages(own));
    },
  };
}

/** The variant a value is: by its discriminator, else the first with a field for each of its keys. */
function variantOf(field: VariantsField, value: Record<string, unknown>): Variant | undefined {
  const { tag } = field;
  if (tag !== undefined) return field.variants.find((v) => v.name === value[tag]);
  return field.variants.find((v) => Object.keys(value).every((key) => v.field.fields.some((f) => f.key === key)));
}

/** Where a variant's chooser sits: at the discriminator's path, else at the field's. */
const chooserPath = (field: VariantsField) => (field.tag ? [...field.path, field.tag] : field.path);

function variantsControl(field: VariantsField, name: string[], lang: Lang): Control {
  const bodies = field.variants.map((v) => objectControl(v.field, name, lang, true));
  const chooser = el('select', { name: (field.tag ? [...name, field.tag] : name).join('.') });
  const empty = field.optional ? ui('unset', lang) : ui('choose', lang);
  chooser.append(el('option', { value: '' }, empty), ...field.variants.map((v) => el('option', { value: v.name }, valueLabel(chooserPath(field), v.name, lang))));
  const chooserField = { ...field, path: chooserPath(field), key: field.tag ?? field.key, description: undefined };
  const picked = labelled(chooserField, chooser, lang);
  const holder = el('div', { class: 'variant' });
  const errors = new ErrorSlot();
  const element = el('fieldset', { class: 'section section-variants' }, el('legend', {}, fieldLabel(field, lang)), picked.element, holder, errors.element);
  const current = () => bodies[field.variants.findIndex((v) => v.name === chooser.value)];
  const pick = (name: string) => {
    chooser.value = name;
    holder.replaceChildren(...(current() ? [(current() as Control).element] : []));
  };
  chooser.addEventListener('change', () => pick(chooser.value));
  pick('');
  return {
    element,
    get: () => current()?.get(),
    set(value) {
      if (!isRecord(value)) {
        pick('');
        return value === undefined ? [] : [{ path: [], message: 'not an object' }];
      }
      pick(variantOf(field, value)?.name ?? '');
      return current()?.set(value) ?? [{ path: field.tag ? [field.tag] : [], message: ui('unknownField', lang) }];
    },
    show(issues) {
      const toChooser = issues.filter((i) => field.tag !== undefined && i.path[0] === field.tag && i.path.length === 1);
      const rest = issues.filter((i) => !toChooser.includes(i));
      picked.errors.show(messages(toChooser.map((i) => ({ ...i, path: [] }))));
      bodies.forEach((b) => b.show(b === current() ? rest : []));
      errors.show(current() ? [] : messages(rest));
    },
  };
}

function listControl(field: ListField, name: string[], lang: Lang): Control {
  let rows: Control[] = [];
  const list = el('ol', { class: 'rows' });
  const add = el('button', { type: 'button', class: 'add', 'data-add': name.join('.') }, `${ui('add', lang)}: ${fieldLabel(field, lang)}`);
  const errors = new ErrorSlot();
  const fill = (values: unknown[]) => {
    rows = values.map((_, i) => controlOf(field.item, [...name, String(i)], lang));
    const issues = rows.flatMap((row, i) => row.set(values[i]).map((issue) => ({ ...issue, path: [String(i), ...issue.path] })));
    list.replaceChildren(
      ...rows.map((row, i) => {
        const remove = el('button', { type: 'button', class: 'remove', 'data-remove': [...name, String(i)].join('.') }, `${ui('remove', lang)} ${i + 1}`);
        remove.addEventListener('click', () => fill(current().filter((_, j) => j !== i)));
        return el('li', {}, row.element, remove);
      }),
    );
    add.disabled = field.maxItems !== undefined && rows.length >= field.maxItems;
    return issues;
  };
  const current = () => rows.map((row) => row.get() ?? null);
  add.addEventListener('click', () => fill([...current(), undefined]));
  fill(Array.from({ length: field.minItems }));
  const element = el('fieldset', { class: 'section section-list' }, el('legend', {}, fieldLabel(field, lang)), list, add, errors.element);
  return {
    element,
    get: () => (field.optional && rows.length === 0 ? undefined : current()),
    set(value) {
      if (Array.isArray(value)) return fill(value);
      fill(Array.from({ length: field.minItems }));
      return value === undefined ? [] : [{ path: [], message: 'not a list' }];
    },
    show(issues) {
      const { own, byKey } = route(issues, rows.map((_, i) => String(i)));
      rows.forEach((row, i) => row.show(byKey.get(String(i)) ?? []));
      errors.show(messages(own));
    },
  };
}

/** A boolean that may be left out, as a choice of yes, no or not given. */
function yesNo(field: BooleanField): EnumField {
  return { ...field, kind: 'enum', values: [true, false] };
}

const optionValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function enumControl(field: EnumField, name: string[], lang: Lang): Control {
  const select = el('select', { name: name.join('.') });
  const boolean = field.values.every((v) => typeof v === 'boolean');
  const text = (value: unknown) => (boolean ? ui(value ? 'yes' : 'no', lang) : valueLabel(field.path, value, lang));
  const empty = field.default === undefined ? [el('option', { value: '' }, ui(field.optional ? 'unset' : 'choose', lang))] : [];
  select.append(...empty, ...field.values.map((v) => el('option', { value: optionValue(v) }, text(v))));
  const { element, errors } = labelled(field, select, lang);
  const reset = () => {
    select.value = field.default === undefined ? '' : optionValue(field.default);
  };
  reset();
  return {
    element,
    get() {
      const value = field.values.find((v) => optionValue(v) === select.value);
      // A default is what the library assumes anyway: left out, the JSON shows only what was chosen.
      return select.value === '' || optionValue(value) === optionValue(field.default) ? undefined : value;
    },
    set(value) {
      if (value === undefined) return reset(), [];
      const known = field.values.some((v) => optionValue(v) === optionValue(value));
      if (known) select.value = optionValue(value);
      else reset();
      return known ? [] : [{ path: [], message: `${JSON.stringify(value)}: ${ui('unknownField', lang)}` }];
    },
    show: (issues) => errors.show(messages(issues)),
  };
}

function checkboxControl(field: BooleanField, name: string[], lang: Lang): Control {
  const box = el('input', { type: 'checkbox', name: name.join('.') });
  const initial = field.default === true;
  box.checked = initial;
  const { element, errors } = labelled(field, box, lang, true);
  return {
    element,
    // Required booleans always; defaulted ones only where they differ from the default.
    get: () => (field.default === undefined || box.checked !== initial ? box.checked : undefined),
    set(value) {
      box.checked = typeof value === 'boolean' ? value : initial;
      return value === undefined || typeof value === 'boolean' ? [] : [{ path: [], message: `${JSON.stringify(value)}: not true or false` }];
    },
    show: (issues) => errors.show(messages(issues)),
  };
}

function inputControl(field: TextField, name: string[], lang: Lang): Control {
  const textOnly = !field.accepts.includes('number') && !field.accepts.includes('integer');
  const input = el('input', {
    type: 'text',
    name: name.join('.'),
    inputmode: textOnly ? undefined : field.accepts.includes('integer') && !field.accepts.includes('number') ? 'numeric' : 'decimal',
    maxlength: field.maxLength === undefined ? undefined : String(field.maxLength),
    placeholder: field.examples?.length ? writeText(field.examples[0]) : undefined,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const { element, errors } = labelled(field, input, lang);
  return {
    element,
    get: () => readText(field, input.value),
    set(value) {
      input.value = writeText(value);
      return [];
    },
    show: (issues) => errors.show(messages(issues)),
  };
}

/** A constant (a variant's discriminator): nothing to enter, always its value. */
function constControl(field: ConstField): Control {
  return { element: el('span', { hidden: true }), get: () => (field.optional ? undefined : field.value), set: () => [], show: () => {} };
}

function jsonControl(field: JsonField, name: string[], lang: Lang): Control {
  const area = el('textarea', { name: name.join('.'), rows: '3', spellcheck: 'false' });
  const { element, errors } = labelled(field, area, lang);
  return {
    element,
    get() {
      if (area.value.trim() === '') return undefined;
      try {
        return JSON.parse(area.value);
      } catch {
        return area.value;
      }
    },
    set(value) {
      area.value = value === undefined ? '' : JSON.stringify(value, null, 2);
      return [];
    },
    show: (issues) => errors.show(messages(issues)),
  };
}
