import type { CSSProperties, ReactNode } from 'react';
import { Button, Flex, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../app/i18n/useT';

/** The 刷新 button of a page or a list: reads its data again. */
export function RefreshButton({ onRefresh, style }: { onRefresh: () => void; style?: CSSProperties }) {
  const t = useT();
  return (
    <Button icon={<ReloadOutlined />} onClick={onRefresh} style={style}>
      {t('common.refresh')}
    </Button>
  );
}

/**
 * The title row every page starts with: title, one line of description, actions on the right
 * (刷新 first when `onRefresh` is given).
 */
export function PageHeader({ title, description, extra, onRefresh }: { title: ReactNode; description?: ReactNode; extra?: ReactNode; onRefresh?: () => void }) {
  const actions = (
    <>
      {onRefresh && <RefreshButton onRefresh={onRefresh} />}
      {extra}
    </>
  );
  return (
    <Flex justify="space-between" align="flex-end" gap={16} wrap style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {description}
          </Typography.Text>
        )}
      </div>
      {(extra || onRefresh) && (
        <Flex gap={8} wrap>
          {actions}
        </Flex>
      )}
    </Flex>
  );
}
