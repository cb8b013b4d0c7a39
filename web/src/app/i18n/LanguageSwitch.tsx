import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useLanguage, useT } from './useT';

/** Shows the language one can switch to: "English" while in Chinese, "中文" while in English. */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { language, setLanguage } = useLanguage();
  const t = useT();
  return (
    <Button
      type={type}
      icon={<GlobalOutlined />}
      data-testid="language-switch"
      onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
