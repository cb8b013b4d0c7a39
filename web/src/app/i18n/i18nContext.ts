import { createContext } from 'react';
import { assertDisjoint, kEntryParts, type MessageKey } from './messages';

export type Language = 'zh-CN' | 'en';
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const kLanguageKey = 'hearth.lang';
export const kDefaultLanguage: Language = 'zh-CN';

// The Chinese: the entry's (shell, platform) until loadFrameMessages() adds the service module's and
// loadMessages() the other modules'. English joins when loadLanguage('en') has fetched it; until then
// every word is the Chinese one.
const zh: Partial<Record<MessageKey, string>> = { ...kEntryParts.shell, ...kEntryParts.platform };
const dictionaries: Partial<Record<Language, Partial<Record<MessageKey, string>>>> = { 'zh-CN': zh };
let englishLoad: Promise<void> | null = null;

/**
 * Every Chinese message, the entry's and the modules'; tsc checks that none is left out. (But the
 * public pages' own, which each adds itself: addChinese — the customer's consent page, the owner's
 * booking page, the owner's open-day sign-up page, the owner's unsubscribe page.)
 */
const allChinese = (
  service: typeof import('./messagesService').zh,
  modules: typeof import('./messagesModules').zh,
): Record<
  Exclude<MessageKey, keyof typeof import('../../modules/sales/consentMessages').zh | keyof typeof import('../../modules/delivery/bookingMessages').zh | keyof typeof import('../../modules/delivery/openDaySignupMessages').zh | keyof typeof import('../../modules/campaigns/unsubscribeMessages').zh>,
  string
> => ({
  ...kEntryParts.shell,
  ...kEntryParts.platform,
  ...service,
  ...modules,
});

/** `load` run once: its promise, shared by every caller, until it fails (the next call tries again). */
function once(load: () => Promise<void>): () => Promise<void> {
  let pending: Promise<void> | null = null;
  return () =>
    (pending ??= load().catch((err: unknown) => {
      pending = null;
      throw err;
    }));
}

/**
 * Fetches the service module's messages (see messages.ts), which the signed-in frame and the home page
 * wait for: the menu, the bells, the work list. Rejects when that fails.
 */
export const loadFrameMessages = once(() =>
  import('./messagesService').then((m) => {
    Object.assign(zh, m.zh);
  }),
);

/**
 * Fetches every module's messages the entry leaves out, the service module's and the others', which
 * every page but the home page waits for (the public ticket page too). Rejects when that fails.
 */
export const loadMessages = once(() =>
  Promise.all([import('./messagesService'), import('./messagesModules')]).then(([service, modules]) => {
    assertDisjoint({ ...kEntryParts, service: service.zh, ...modules.kParts });
    Object.assign(zh, allChinese(service.zh, modules.zh));
  }),
);

/** Adds the Chinese of a public page that loads its own few words rather than every module's. */
export function addChinese(part: Partial<Record<MessageKey, string>>): void {
  Object.assign(zh, part);
}

/** Fetches what `language` needs that the entry does not hold (English: the words); rejects when that fails. */
export function loadLanguage(language: Language): Promise<void> {
  if (language !== 'en' || dictionaries.en) return Promise.resolve();
  englishLoad ??= import('./messagesEn').then(
    (m) => {
      dictionaries.en = m.en;
    },
    (err: unknown) => {
      englishLoad = null; // the next switch tries again
      throw err;
    },
  );
  return englishLoad;
}

/** Whether loadLanguage(language) has nothing left to fetch. */
export function languageLoaded(language: Language): boolean {
  return language !== 'en' || !!dictionaries.en;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key);
}

/**
 * The word for `value` of a closed vocabulary, `<prefix>.<value>` (e.g. "ticketStatus.closed"); the
 * value itself when there is no such message (one the server added later), '' for no value.
 */
export function valueLabel(t: Translate, prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[language]?.[key] ?? zh[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export function storedLanguage(): Language {
  const value = localStorage.getItem(kLanguageKey);
  return value === 'en' || value === 'zh-CN' ? value : kDefaultLanguage;
}

export interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nValue | null>(null);
