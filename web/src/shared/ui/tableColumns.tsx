import type { ReactNode } from 'react';
import { Tooltip, type TableColumnType } from 'antd';
import { formatDateTime } from './formatTime';

/** A table column showing a server time in local time; its `dataIndex` is its key too. */
export function dateTimeColumn<T>(title: ReactNode, dataIndex: keyof T & string, width: number): TableColumnType<T> {
  return { title, dataIndex, key: dataIndex, width, render: (value: string) => formatDateTime(value) };
}

/** A table column showing a server time as its date (YYYY-MM-DD), the whole local time on hover. */
export function dateColumn<T>(title: ReactNode, dataIndex: keyof T & string, width: number): TableColumnType<T> {
  return {
    title,
    dataIndex,
    key: dataIndex,
    width,
    render: (value: string) => (
      <Tooltip title={formatDateTime(value)}>
        <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value).slice(0, 10)}</span>
      </Tooltip>
    ),
  };
}

/** The 操作 column of a table: `render` gives a row's buttons. */
export function actionsColumn<T>(title: ReactNode, width: number, render: (record: T) => ReactNode): TableColumnType<T> {
  return { title, key: 'actions', width, render: (_: unknown, record: T) => render(record) };
}
