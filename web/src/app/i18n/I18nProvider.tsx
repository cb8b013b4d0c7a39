import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider, App as AntApp } from 'antd';
// From antd/es, not antd/locale/*: those are CommonJS copies that came in beside the ES ones.
// (en_US is antd's default locale, in the entry anyway; dayjs has English built in.)
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { I18nContext, kDefaultLanguage, kLanguageKey, languageLoaded, loadLanguage, storedLanguage, translate, type Language, type I18nValue } from './i18nContext';
import { theme } from '../theme';

/** Holds the language (kept in localStorage) and gives antd and dayjs the matching locale. */
export function I18nProvider({ children }: { children: ReactNode }) {
  // null while the stored language is being fetched: nothing is shown rather than a flash of Chinese.
  const [language, setLanguageState] = useState<Language | null>(() => {
    const stored = storedLanguage();
    return languageLoaded(stored) ? stored : null;
  });

  useEffect(() => {
    if (language !== null) return;
    let live = true;
    const wanted = storedLanguage();
    loadLanguage(wanted).then(
      () => live && setLanguageState(wanted),
      (err: unknown) => {
        console.warn('language unavailable', err);
        if (live) setLanguageState(kDefaultLanguage);
      },
    );
    return () => {
      live = false;
    };
  }, [language]);

  // The switch changes the language once its words have arrived (English is a chunk of its own).
  const setLanguage = useCallback((next: Language) => {
    loadLanguage(next).then(
      () => {
        localStorage.setItem(kLanguageKey, next);
        setLanguageState(next);
      },
      (err: unknown) => console.warn('language unavailable', err),
    );
  }, []);

  useEffect(() => {
    if (language === null) return;
    document.documentElement.lang = language;
    dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
    document.title = translate(language, 'app.title');
  }, [language]);

  const value = useMemo<I18nValue | null>(
    () => (language === null ? null : { language, setLanguage, t: (key, vars) => translate(language, key, vars) }),
    [language, setLanguage],
  );

  if (value === null) return null;
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={value.language === 'zh-CN' ? zhCN : enUS} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
