import { Alert, Button } from 'antd';
import { useT } from '../../app/i18n/useT';
import type { FormErrorState } from './apiErrors';

/** The error banner at the top of a form; a version conflict offers to reload. */
export function FormErrorAlert({ error, onReload }: { error: FormErrorState | null; onReload?: () => void }) {
  const t = useT();
  if (!error) return null;
  return (
    <Alert
      type={error.conflict ? 'warning' : 'error'}
      showIcon
      title={error.message}
      description={error.details.length ? error.details.join('；') : undefined}
      action={
        error.conflict && onReload ? (
          <Button size="small" onClick={onReload} data-testid="reload-record">
            {t('common.reload')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
      data-testid="form-error"
    />
  );
}
