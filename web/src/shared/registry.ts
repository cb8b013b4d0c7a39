/**
 * An extension point: a place on one module's pages where other modules put things (a tab on the
 * customer page, a figure on the home page). The module that owns the page declares the point and
 * the shape of an entry; the composition root (app/extensions.ts) adds the other modules' entries
 * once at start-up, before the first render. So a module that extends another imports it, and the
 * extended module never imports the modules that extend it.
 */
export interface ExtensionPoint<Entry extends ExtensionEntry> {
  readonly name: string;
  /** Adds an entry; throws when the point already has one with this key. */
  add: (entry: Entry) => void;
  /** The entries, by `order` then `key`. */
  entries: () => readonly Entry[];
}

export interface ExtensionEntry {
  /** Unique within the point; a React key where the entries are rendered. */
  key: string;
  /** Where the entry goes among the others: lower first. */
  order: number;
}

export function extensionPoint<Entry extends ExtensionEntry>(name: string): ExtensionPoint<Entry> {
  const list: Entry[] = [];
  return {
    name,
    add: (entry) => {
      if (list.some((e) => e.key === entry.key)) throw new Error(`extension point ${name} has an entry ${entry.key} already`);
      list.push(entry);
      list.sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
    },
    entries: () => list,
  };
}
