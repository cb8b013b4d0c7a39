import type { CSSProperties } from 'react';
import { Button, Flex, Table, Typography, type TableProps } from 'antd';
import { useT } from '../../app/i18n/useT';
import type { CursorList } from '../hooks/useCursorList';

/**
 * The line under a cursor-paged list: how many items are loaded (and how many a page holds, given
 * `pageSize`), then "load more" or "no more".
 */
export function CursorListFooter<T>({ list, pageSize, style }: { list: CursorList<T>; pageSize?: number; style?: CSSProperties }) {
  const t = useT();
  const count = list.items.length;
  return (
    <Flex justify="space-between" align="center" gap={12} wrap style={{ marginTop: 16, ...style }}>
      <Typography.Text type="secondary" data-testid="list-count" data-count={count}>
        {pageSize ? t('common.loadedCountPaged', { count, size: pageSize }) : t('common.loadedCount', { count })}
      </Typography.Text>
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
 * under it: how many rows are loaded (of `pageSize` a page, when given), then "load more" or "no more".
 */
export function CursorTable<T extends object>({
  list,
  pageSize,
  ...props
}: { list: CursorList<T>; pageSize?: number } & Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'>) {
  return (
    <>
      <Table<T> rowKey="id" size="middle" {...props} dataSource={list.items} loading={list.loading} pagination={false} />
      <CursorListFooter list={list} pageSize={pageSize} />
    </>
  );
}
