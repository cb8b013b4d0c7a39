// Every string the UI shows, put together from the shell's and each module's message file
// (modules/<module>/messages.ts). A module's `en` has the type of its `zh`, so a key missing in
// one language fails tsc; a key that two files define stops the app at start.
import * as shell from './shellMessages';
import * as platform from '../../modules/platform/messages';
import * as customers from '../../modules/customers/messages';
import * as inventory from '../../modules/inventory/messages';
import * as service from '../../modules/service/messages';

const kParts = { shell, platform, customers, inventory, service };

export const zh = { ...shell.zh, ...platform.zh, ...customers.zh, ...inventory.zh, ...service.zh };

export type MessageKey = keyof typeof zh;

export const en: Record<MessageKey, string> = { ...shell.en, ...platform.en, ...customers.en, ...inventory.en, ...service.en };

/** Throws when two message files define the same key (the spread above would keep only the last). */
function assertDisjoint(parts: Record<string, { zh: Record<string, string> }>): void {
  const owner = new Map<string, string>();
  for (const [name, part] of Object.entries(parts)) {
    for (const key of Object.keys(part.zh)) {
      const first = owner.get(key);
      if (first) throw new Error(`message key ${key} is defined by both ${first} and ${name}`);
      owner.set(key, name);
    }
  }
}

assertDisjoint(kParts);
