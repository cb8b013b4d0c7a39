import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useLanguage, useT } from './useT';

/**
 * Shows the language one can switch to: "English" while in Chinese, "中文" while in English;
 * `compact` (a phone's header) shows the globe alone, with the word as its label.
 */
export function LanguageSwitch({ type = 'text', compact = false }: { type?: 'text' | 'default'; compact?: boolean }) {
  const { language, setLanguage } = useLanguage();
  const t = useT();
  return (
    <Button
      type={type}
      icon={<GlobalOutlined />}
      data-testid="language-switch"
      aria-label={t('lang.switchTo')}
      title={compact ? t('lang.switchTo') : undefined}
      onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {compact ? null : t('lang.switchTo')}
    </Button>
  );
}
