import type { ReactNode } from 'react';
import { Empty, Flex, Spin } from 'antd';
import { ErrorAlert } from './ErrorAlert';

/**
 * What a panel shows instead of its list while there is nothing to list: the failure of the read,
 * a spinner until the first answer, `empty` (the words for an empty list) when it is empty. Null
 * once there are items, which the caller then shows.
 */
export function listFallback(items: readonly unknown[] | undefined, error: unknown, empty: ReactNode): ReactNode {
  if (error) return <ErrorAlert error={error} style={{}} />;
  if (!items) {
    return (
      <Flex justify="center" style={{ padding: 32 }}>
        <Spin />
      </Flex>
    );
  }
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return null;
}
