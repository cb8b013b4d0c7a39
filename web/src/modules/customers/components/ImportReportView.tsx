import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Grid, Space, Statistic, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { downloadFile } from '../../../shared/api/transfer';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { type ImportReport, type OnDuplicate } from '../importApi';
import { baseField, formatCount, importColumnHint, importFieldLabel, importReasonText, reasonNeedsHint } from '../importLabels';
import { baseName } from '../importFiles';

const kTopProblems = 6;

interface ErrorRow {
  key: number;
  line: number;
  field: string;
  reason: string;
  /** "field|reason": the problem kind the summary tags filter by. */
  kind: string;
}

/**
 * The counts of a dry run (`mode` "check": what would happen) or of an import ("import": what
 * happened), then the rejected rows' problems: a summary of every kind with its count, which filters
 * the table of the first problems the server lists (1,000), and the server's report of them all,
 * each with its row as the file had it, as CSV or Excel.
 */
export function ImportReportView({
  report,
  mode,
  onDuplicate,
  file,
}: {
  report: ImportReport;
  mode: 'check' | 'import';
  onDuplicate: OnDuplicate;
  /** The imported file: a CSV one is read again so that the error report shows the rejected rows. */
  file: File;
}) {
  const t = useT();
  const [saving, setSaving] = useState<'csv' | 'xlsx' | null>(null);
  const { message } = App.useApp();
  const errorReport = report.error_report;
  const narrow = !Grid.useBreakpoint().md;
  const [kind, setKind] = useState<string | null>(null);
  const [pageSize, setPageSize] = useState(20);
  const [page, setPage] = useState(1);

  const rows = useMemo<ErrorRow[]>(
    () =>
      report.errors
        .map((error, index) => ({
          key: index,
          line: error.line,
          field: error.field,
          reason: error.message,
          kind: `${error.field.replace(/\[\d+\]$/, '')}|${error.message}`,
        }))
        .sort((a, b) => a.line - b.line || a.key - b.key),
    [report.errors],
  );
  // Every problem's kind with its count, from the server (the answer lists only the first problems).
  const problems = useMemo(
    () => report.error_kinds.map((k) => [`${k.field}|${k.reason}`, k.count] as [string, number]),
    [report.error_kinds],
  );
  const total = report.errors_total;
  const listed = rows.length;
  const shown = useMemo(() => (kind ? rows.filter((row) => row.kind === kind) : rows), [rows, kind]);

  const check = mode === 'check';
  const skipped = report.duplicates - report.merged;
  const stats = [
    { key: 'rows', title: t('import.report.rows'), value: report.rows, color: undefined },
    {
      key: 'good',
      title: check ? t('import.report.wouldImport') : t('import.report.imported'),
      value: report.imported,
      color: '#389e0d',
    },
    check
      ? {
          key: 'duplicates',
          title: onDuplicate === 'merge' ? t('import.report.duplicatesMerge') : t('import.report.duplicatesSkip'),
          value: report.duplicates,
          color: '#d48806',
        }
      : { key: 'duplicates', title: t('import.report.duplicatesSkipped'), value: skipped, color: '#d48806' },
    ...(!check && onDuplicate === 'merge' ? [{ key: 'merged', title: t('import.report.merged'), value: report.merged, color: '#1f4fd1' }] : []),
    { key: 'rejected', title: t('import.report.rejected'), value: report.rejected, color: report.rejected ? '#cf1322' : undefined },
  ];

  const columns: TableColumnsType<ErrorRow> = [
    { title: t('import.errors.line'), dataIndex: 'line', key: 'line', width: 90, render: (line: number) => formatCount(line) },
    {
      title: t('import.errors.field'),
      dataIndex: 'field',
      key: 'field',
      width: 200,
      render: (field: string) => (
        <span>
          {importFieldLabel(t, field)}
          {field && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
              {field}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('import.errors.reason'),
      dataIndex: 'reason',
      key: 'reason',
      render: (reason: string, row) => {
        const hint = reasonNeedsHint(reason) ? importColumnHint(t, baseField(row.field)) : '';
        return (
          <span>
            <Typography.Text type="danger">{importReasonText(t, reason)}</Typography.Text>
            {hint && (
              <Tooltip title={hint}>
                <QuestionCircleOutlined style={{ color: '#8c94a3', marginInlineStart: 6 }} aria-label={hint} />
              </Tooltip>
            )}
          </span>
        );
      },
    },
  ];

  const problemLabel = (value: string) => {
    const [field, reason] = value.split('|');
    return `${importFieldLabel(t, field)} · ${importReasonText(t, reason)}`;
  };

  const good = report.imported;
  const summary = check
    ? report.rows === 0
      ? { type: 'warning' as const, text: t('import.report.noRows') }
      : good === 0
        ? { type: 'error' as const, text: t('import.report.noneGood') }
        : report.rejected > 0
          ? { type: 'warning' as const, text: t('import.report.someBad', { rejected: formatCount(report.rejected), good: formatCount(good) }) }
          : { type: 'success' as const, text: t('import.report.allGood', { count: formatCount(good) }) }
    : null;

  // The report to download, as CSV or Excel: beside the title, or above the table on a phone.
  const downloads = errorReport && (
    <Space.Compact>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          icon={format === 'csv' ? <DownloadOutlined /> : undefined}
          loading={saving === format}
          onClick={async () => {
            setSaving(format);
            try {
              const name = t(format === 'csv' ? 'import.errors.reportName' : 'import.errors.reportNameXlsx', { file: baseName(file.name) });
              await downloadFile(`/imports/customers/error-reports/${errorReport.id}`, { format }, name);
            } catch (err) {
              void message.error(errorMessage(t, err));
            } finally {
              setSaving(null);
            }
          }}
          data-testid={format === 'csv' ? 'download-error-report' : 'download-error-report-xlsx'}
        >
          {format === 'csv' ? t('import.errors.download') : 'Excel'}
        </Button>
      ))}
    </Space.Compact>
  );

  return (
    <Flex vertical gap={16} data-testid={`import-report-${mode}`}>
      <Flex gap={16} wrap>
        {stats.map((stat) => (
          <Card key={stat.key} size="small" style={{ flex: '1 1 150px' }} data-testid={`import-stat-${stat.key}`}>
            <Statistic
              title={stat.title}
              value={stat.value}
              formatter={(value) => formatCount(Number(value))}
              styles={{ content: { color: stat.color } }}
            />
          </Card>
        ))}
      </Flex>
      {summary && <Alert type={summary.type} showIcon title={summary.text} data-testid="import-summary" />}
      {total > 0 && (
        <Card
          size="small"
          title={t('import.errors.title', { count: formatCount(total) })}
          extra={!narrow && downloads}
        >
          {narrow && downloads && <Flex style={{ marginBottom: 12 }}>{downloads}</Flex>}
          {listed < total && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('import.errors.firstOnly', { listed: formatCount(listed), total: formatCount(total) })}
              data-testid="import-errors-first-only"
            />
          )}
          <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{t('import.errors.problems')}</Typography.Text>
            <Tag.CheckableTag
              checked={kind === null}
              onChange={() => {
                setKind(null);
                setPage(1);
              }}
            >
              {t('common.all')} {formatCount(total)}
            </Tag.CheckableTag>
            {problems.slice(0, kTopProblems).map(([value, count]) => (
              <Tag.CheckableTag
                key={value}
                checked={kind === value}
                onChange={(checked) => {
                  setKind(checked ? value : null);
                  setPage(1);
                }}
              >
                {problemLabel(value)} × {formatCount(count)}
              </Tag.CheckableTag>
            ))}
            {problems.length > kTopProblems && (
              <Typography.Text type="secondary">{t('import.errors.moreKinds', { count: problems.length - kTopProblems })}</Typography.Text>
            )}
          </Flex>
          <Table<ErrorRow>
            size="small"
            scroll={{ x: 520 }}
            columns={columns}
            dataSource={shown}
            pagination={{
              current: page,
              pageSize,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => t('import.errors.total', { count: formatCount(total) }),
              onChange: (next, size) => {
                setPage(size === pageSize ? next : 1);
                setPageSize(size);
              },
            }}
            data-testid="import-errors"
          />
        </Card>
      )}
    </Flex>
  );
}
