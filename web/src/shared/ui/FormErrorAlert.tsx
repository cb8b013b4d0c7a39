import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { useT } from '../../app/i18n/useT';
import type { FormErrorState } from './apiErrors';

/**
 * The error banner at the top of a form; a version conflict offers to reload. `action` may offer
 * something for other failures (it gets `error.cause`, the failure itself).
 */
export function FormErrorAlert({
  error,
  onReload,
  action,
}: {
  error: FormErrorState | null;
  onReload?: () => void;
  action?: (cause: unknown) => ReactNode;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  // A long form may have been scrolled down to its buttons: bring the banner into view.
  useEffect(() => {
    if (error) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [error]);
  if (!error) return null;
  return (
    <div ref={ref}>
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
          ) : (
            action?.(error.cause)
          )
        }
        style={{ marginBottom: 16 }}
        data-testid="form-error"
      />
    </div>
  );
}
