// A small helper to build elements: h('p', { class: 'x', onclick: … }, 'text', child).

type Child = Node | string | null | undefined | false;
type Value = string | number | boolean | null | undefined;
type Attributes = Record<string, Value | ((event: Event) => void)>;

/**
 * An element `tag` with `attributes` (`class`; `on…` as listeners; true as an empty attribute;
 * false, null and undefined left out) and `children` (strings as text, falsy ones left out).
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  element.append(...children.filter((child): child is Node | string => Boolean(child)));
  return element;
}

/** Replaces what `parent` holds with `children`. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((child): child is Node | string => Boolean(child)));
}

let lastId = 0;
/** An id unique in the page, for labels and aria references. */
export const newId = (prefix: string): string => `${prefix}-${++lastId}`;

/** Whoever asked their system for less motion gets no smooth scrolling. */
export const scrollBehavior = (): ScrollBehavior => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');
