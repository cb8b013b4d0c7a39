import type { CSSProperties } from 'react';
import { Button, Flex, Table, Typography, type TableProps } from 'antd';
import { useT } from '../../app/i18n/useT';
import type { CursorList } from '../hooks/useCursorList';

/** The line under a cursor-paged list: how many items are loaded, then "load more" or "no more". */
export function CursorListFooter<T>({ list, style }: { list: CursorList<T>; style?: CSSProperties }) {
  const t = useT();
  return (
    <Flex justify="space-between" align="center" style={{ marginTop: 16, ...style }}>
      <Typography.Text type="secondary">{t('common.loadedCount', { count: list.items.length })}</Typography.Text>
      {list.nextCursor ? (
        <Button onClick={() => void list.loadMore()} loading={list.loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      ) : (
        list.items.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      )}
    </Flex>
  );
}

/**
 * A table over a cursor-paged list (`useCursorList`), unpaged, rows keyed by `id`, with the line
 * under it: how many rows are loaded, then "load more" or "no more".
 */
export function CursorTable<T extends object>({
  list,
  ...props
}: { list: CursorList<T> } & Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'>) {
  return (
    <>
      <Table<T> rowKey="id" size="middle" {...props} dataSource={list.items} loading={list.loading} pagination={false} />
      <CursorListFooter list={list} />
    </>
  );
}
