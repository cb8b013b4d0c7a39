import type { ReactNode } from 'react';
import type { TableColumnType } from 'antd';
import { formatDateTime } from './formatTime';

/** A table column showing a server time in local time; its `dataIndex` is its key too. */
export function dateTimeColumn<T>(title: ReactNode, dataIndex: keyof T & string, width: number): TableColumnType<T> {
  return { title, dataIndex, key: dataIndex, width, render: (value: string) => formatDateTime(value) };
}
