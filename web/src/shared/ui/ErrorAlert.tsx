import type { CSSProperties } from 'react';
import { Alert } from 'antd';
import { useT } from '../../app/i18n/useT';
import { errorMessage } from './apiErrors';

/** The failure of a read or a write, in words, above what it concerns; nothing when there is none. */
export function ErrorAlert({ error, style = { marginBottom: 16 }, testId }: { error: unknown; style?: CSSProperties; testId?: string }) {
  const t = useT();
  if (!error) return null;
  return <Alert type="error" showIcon title={errorMessage(t, error)} style={style} data-testid={testId} />;
}
