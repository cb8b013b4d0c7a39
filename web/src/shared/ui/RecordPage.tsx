import type { ComponentType, CSSProperties } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Result, Skeleton, type SkeletonProps } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Translate } from '../../app/i18n/i18nContext';
import type { MessageKey } from '../../app/i18n/messages';
import { useT } from '../../app/i18n/useT';
import { ApiError } from '../api/client';
import { errorMessage } from './apiErrors';

/** Where a record's page leads back to when the record is not there. */
export interface BackTo {
  /** The list's path, e.g. "/customers". */
  path: string;
  label: string;
}

/**
 * The page of one record at `…/:id`: a 404 (titled `notFoundTitle`) for an id that is not a
 * positive whole number, else `View` for it, keyed by the id so that following a link to another
 * record starts clean.
 */
export function recordPage(View: ComponentType<{ id: number }>, notFoundTitle: MessageKey, back: (t: Translate) => BackTo) {
  return function RecordPage() {
    const t = useT();
    const { id } = useParams();
    const navigate = useNavigate();
    const numeric = Number(id);
    if (!Number.isInteger(numeric) || numeric <= 0) {
      const to = back(t);
      return <Result status="404" title={t(notFoundTitle)} extra={<Button onClick={() => navigate(to.path)}>{to.label}</Button>} />;
    }
    return <View key={numeric} id={numeric} />;
  };
}

/** The link above a record's header back to where it is listed. */
export function BackLink({ back, testId, style }: { back: BackTo; testId?: string; style?: CSSProperties }) {
  const navigate = useNavigate();
  return (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(back.path)} style={{ padding: 0, height: 'auto', ...style }} data-testid={testId}>
      {back.label}
    </Button>
  );
}

/**
 * What a record's page shows while its record is not there: a 404 with the way back when the
 * server has no such record, the failure with a retry, else a skeleton while it loads.
 */
export function RecordFallback({
  error,
  onRetry,
  notFound,
  back,
  skeleton = { paragraph: { rows: 5 } },
}: {
  error: unknown;
  onRetry: () => void;
  notFound: { title: string; subtitle: string };
  back: BackTo;
  skeleton?: SkeletonProps;
}) {
  const t = useT();
  const navigate = useNavigate();
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title={notFound.title}
        subTitle={notFound.subtitle}
        extra={
          <Button type="primary" onClick={() => navigate(back.path)}>
            {back.label}
          </Button>
        }
      />
    );
  }
  if (error) {
    return <Result status="warning" title={errorMessage(t, error)} extra={<Button onClick={onRetry}>{t('common.retry')}</Button>} />;
  }
  return (
    <Card variant="borderless">
      <Skeleton active {...skeleton} />
    </Card>
  );
}
