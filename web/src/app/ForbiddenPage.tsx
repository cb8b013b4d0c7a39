import { Result } from 'antd';
import { useT } from './i18n/useT';

/** The 403 page RequireRole shows (a chunk of its own: antd's Result carries large pictures). */
export function ForbiddenPage() {
  const t = useT();
  return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.subtitle')} />;
}
