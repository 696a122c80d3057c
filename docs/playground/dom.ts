/** Building elements, and the error text beside a field that validation fills in. */

type Attributes = Record<string, string | boolean | undefined>;

/** An element with attributes (`true` sets a boolean attribute, `false`/undefined leaves it out) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

let counter = 0;
/** A fresh element id. */
export const freshId = (prefix: string): string => `${prefix}-${++counter}`;

/**
 * The error beside a field (a new paragraph, or one of the page's), bound to its control by aria-describedby so
 * that a screen reader reads it with the field.
 */
export class ErrorSlot {
  constructor(
    private readonly control?: HTMLElement,
    readonly element: HTMLElement = el('p', { class: 'error', id: freshId('error'), hidden: true }),
  ) {
    const described = (control?.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    if (control && !described.includes(element.id)) control.setAttribute('aria-describedby', [...described, element.id].join(' '));
  }
  show(messages: readonly string[]): void {
    this.element.textContent = messages.join('; ');
    this.element.hidden = messages.length === 0;
    if (!this.control) return;
    if (messages.length) this.control.setAttribute('aria-invalid', 'true');
    else this.control.removeAttribute('aria-invalid');
  }
}
