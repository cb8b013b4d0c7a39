import { useState } from 'react';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { DownloadOutlined, DownOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { importApi, type FileFormat } from '../importApi';

/**
 * 导出: the customers of the current search (all the caller may see when `query` is empty) as CSV or
 * Excel. The server masks phones and ID numbers as it would show them to this user, and audits it.
 */
export function CustomerExportButton({ query }: { query: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<FileFormat | null>(null);

  const exportAs = async (format: FileFormat) => {
    setBusy(format);
    const name = `${t('export.fileName', { date: dayjs().format('YYYYMMDD-HHmm') })}.${format}`;
    try {
      const saved = await importApi.exportCustomers(format, query, name);
      message.success(t('export.done', { name: saved }));
    } catch (err) {
      message.error(t('export.failed', { reason: errorMessage(t, err) }));
    } finally {
      setBusy(null);
    }
  };

  const items: MenuProps['items'] = [
    {
      key: 'scope',
      type: 'group',
      label: query ? t('export.scopeSearch', { q: query }) : t('export.scopeAll'),
      children: [
        { key: 'csv', icon: <FileTextOutlined />, label: t('export.csv') },
        { key: 'xlsx', icon: <FileExcelOutlined />, label: t('export.xlsx') },
      ],
    },
    { type: 'divider' },
    { key: 'masked', disabled: true, label: <span style={{ fontSize: 12 }}>{t('export.masked')}</span> },
  ];

  return (
    <Dropdown
      trigger={['click']}
      disabled={busy !== null}
      menu={{ items, onClick: ({ key }) => (key === 'csv' || key === 'xlsx') && void exportAs(key) }}
    >
      <Button icon={<DownloadOutlined />} loading={busy !== null} data-testid="export-customers">
        {t('export.button')} <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
