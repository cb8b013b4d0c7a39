import { useState, type ReactNode } from 'react';
import { App, Button, Card, DatePicker, Empty, Flex, Progress, Tooltip, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { downloadFile } from '../../../shared/api/transfer';
import type { FunnelBy, ReportFormat, ReportQuery } from '../types';

/** The sales reports the server also answers as a file (`format=csv|xlsx`). */
type SalesReport = 'collections' | 'funnel' | 'visitor-profile';

/**
 * A report as a file (CSV in UTF-8 with a BOM, or Excel), saved by the browser as `name`. Here rather
 * than in api.ts: every sales page has api.ts, and the download code would move with it into chunks
 * the first screen loads.
 */
const downloadReport = (report: SalesReport, query: ReportQuery & { by?: FunnelBy }, format: ReportFormat, name: string) =>
  downloadFile(`/sales/${report}`, { ...query, format }, name);

/**
 * 下载 CSV / Excel of a report as the server writes it (the same figures, CSV in UTF-8 with a BOM so
 * that Excel reads the Chinese), saved as `name`.csv or .xlsx.
 */
export function ReportDownload({ report, query, name, testId }: { report: SalesReport; query: ReportQuery & { by?: FunnelBy }; name: string; testId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const save = async (format: ReportFormat) => {
    setBusy(format);
    try {
      const saved = await downloadReport(report, query, format, `${name}.${format}`);
      void message.success(t('salesReports.downloaded', { name: saved }));
    } catch (err) {
      void message.error(t('salesReports.downloadFailed', { reason: errorMessage(t, err) }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Flex gap={8}>
      <Tooltip title={t('salesReports.downloadCsv')}>
        <Button icon={<DownloadOutlined />} loading={busy === 'csv'} disabled={busy !== null} onClick={() => void save('csv')} data-testid={`${testId}-csv`}>
          {t('salesReports.csv')}
        </Button>
      </Tooltip>
      <Tooltip title={t('salesReports.downloadXlsx')}>
        <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => void save('xlsx')} data-testid={`${testId}-xlsx`}>
          {t('salesReports.xlsx')}
        </Button>
      </Tooltip>
    </Flex>
  );
}

const kDay = 'YYYY-MM-DD';

/**
 * The period of a report: the dates chosen, else those the server answered (its default, the last 30
 * days), with presets; `onChange` gets YYYY-MM-DD dates (China's calendar is the browser's here).
 */
export function PeriodPicker({
  from,
  to,
  onChange,
}: {
  from: string | undefined;
  to: string | undefined;
  onChange: (from: string, to: string) => void;
}) {
  const t = useT();
  const today = dayjs();
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('salesReports.preset.week'), value: [today.subtract(6, 'day'), today] },
    { label: t('salesReports.preset.days30'), value: [today.subtract(29, 'day'), today] },
    { label: t('salesReports.preset.thisMonth'), value: [today.startOf('month'), today] },
    { label: t('salesReports.preset.lastMonth'), value: [today.subtract(1, 'month').startOf('month'), today.subtract(1, 'month').endOf('month')] },
    { label: t('salesReports.preset.year'), value: [today.startOf('year'), today] },
  ];
  return (
    <DatePicker.RangePicker
      value={from && to ? [dayjs(from), dayjs(to)] : null}
      allowClear={false}
      presets={presets}
      disabledDate={(day) => day.isAfter(today, 'day')}
      onChange={(value) => value?.[0] && value[1] && onChange(value[0].format(kDay), value[1].format(kDay))}
      aria-label={t('salesReports.period')}
      style={{ maxWidth: '100%' }}
      data-testid="report-period"
    />
  );
}

/** Count rows as bars against the whole (`share`, 0–1), the count and the share beside each. */
export function ShareBars({
  title,
  extra,
  rows,
  testId,
}: {
  title: ReactNode;
  extra?: ReactNode;
  rows: { key: string; label: string; count: number; share: number }[];
  testId: string;
}) {
  const t = useT();
  const any = rows.some((row) => row.count > 0);
  return (
    <Card variant="borderless" size="small" title={title} extra={extra} style={{ height: '100%' }} data-testid={testId}>
      {!any ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('salesReports.noData')} />
      ) : (
        <Flex vertical gap={6}>
          {rows.map((row) => (
            <Flex key={row.key} align="center" gap={10} data-testid={`${testId}-${row.key}`} data-count={row.count}>
              <Typography.Text ellipsis={{ tooltip: row.label }} style={{ width: 96, flex: 'none' }}>
                {row.label}
              </Typography.Text>
              <Progress percent={row.share * 100} showInfo={false} status="normal" strokeColor="#1f4fd1" size="small" style={{ flex: 1, margin: 0, minWidth: 40 }} />
              <Typography.Text strong style={{ width: 36, textAlign: 'right', flex: 'none' }}>
                {row.count}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ width: 52, textAlign: 'right', flex: 'none', fontSize: 12 }}>
                {`${Number((row.share * 100).toFixed(1))}%`}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
