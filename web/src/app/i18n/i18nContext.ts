import { createContext } from 'react';
import { zh, en, type MessageKey } from './messages';

export type Language = 'zh-CN' | 'en';
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const kLanguageKey = 'hearth.lang';
export const kDefaultLanguage: Language = 'zh-CN';

const dictionaries: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zh, en };

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
  const template = dictionaries[language][key] ?? zh[key] ?? key;
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
