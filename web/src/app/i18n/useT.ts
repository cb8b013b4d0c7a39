import { useContext } from 'react';
import { I18nContext, type I18nValue, type Translate } from './i18nContext';

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the current language: `t('login.submit')`, `t('home.welcome', {name})`. */
export function useT(): Translate {
  return useI18n().t;
}

/** The current language and the setter the header switch uses. */
export function useLanguage(): Pick<I18nValue, 'language' | 'setLanguage'> {
  const { language, setLanguage } = useI18n();
  return { language, setLanguage };
}
