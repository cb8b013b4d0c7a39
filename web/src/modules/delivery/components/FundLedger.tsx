// A company's 一路同行 ledger as the fund page shows it: newest first, each entry signed with the
// balance after it; and the amount of an entry in colour, which the statement shows too.
import { type HTMLAttributes, type ReactNode } from 'react';
import { Card, Flex, Grid, Spin, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { deliveryApi } from '../api';
import { fundKeys } from '../queries';
import { formatFen, formatMinute, formatSignedFen } from '../labels';
import type { FundEntry } from '../types';
import { FundKindTag } from './Tags';

const kPageSize = 50;

/** An entry's amount with its sign, green flowing in, red flowing out. */
export function EntryAmount({ entry }: { entry: Pick<FundEntry, 'id' | 'amount_cents'> }) {
  return (
    <Typography.Text strong style={{ color: entry.amount_cents > 0 ? '#389e0d' : '#cf1322', whiteSpace: 'nowrap' }} data-testid={`fund-entry-amount-${entry.id}`}>
      {formatSignedFen(entry.amount_cents)}
    </Typography.Text>
  );
}

/** What an entry is about: the proposal it paid, the project, the note; "—" when none. */
export function EntrySummary({ entry }: { entry: FundEntry }) {
  const t = useT();
  const parts = [
    entry.proposal_title ? t('fund.entryProposal', { title: entry.proposal_title }) : null,
    entry.project_name ? t('fund.entryProject', { project: entry.project_name }) : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0 && !entry.note) return <>—</>;
  return (
    <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
      {parts.length > 0 && <Typography.Text style={{ display: 'block' }}>{parts.join(' · ')}</Typography.Text>}
      {entry.note && (
        <Typography.Text type={parts.length ? 'secondary' : undefined} style={{ display: 'block', fontSize: parts.length ? 12 : undefined, whiteSpace: 'pre-wrap' }}>
          {entry.note}
        </Typography.Text>
      )}
    </div>
  );
}

/**
 * 收支台账: a company's entries newest first (a page at a time, "load more"), each with its day, kind,
 * signed amount, the balance after it, what it was for and who recorded it. On a phone the rows are cards.
 */
export function FundLedger({ companyId, extra }: { companyId: number; extra?: ReactNode }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const entries = useCursorList(fundKeys.entries(companyId), (cursor, signal) => deliveryApi.listFundEntries(companyId, { limit: kPageSize, cursor }, signal));
  const by = (entry: FundEntry) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('fund.entryBy', { name: entry.created_by_name, at: formatMinute(entry.created_at) })}
    </Typography.Text>
  );
  const byColumn = (entry: FundEntry) => (
    <>
      <span>{entry.created_by_name}</span>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, whiteSpace: 'nowrap' }}>
        {formatMinute(entry.created_at)}
      </Typography.Text>
    </>
  );

  const columns: TableColumnsType<FundEntry> = [
    { title: t('fund.on'), dataIndex: 'on', key: 'on', width: 110 },
    { title: t('fund.kind'), key: 'kind', width: 120, render: (_, entry) => <FundKindTag kind={entry.kind} testId={`fund-entry-kind-${entry.id}`} /> },
    { title: t('fund.amount'), key: 'amount', width: 150, align: 'right', render: (_, entry) => <EntryAmount entry={entry} /> },
    {
      title: t('fund.balanceAfter'),
      key: 'balance',
      width: 150,
      align: 'right',
      render: (_, entry) => (
        <span style={{ whiteSpace: 'nowrap' }} data-testid={`fund-entry-balance-${entry.id}`}>
          {formatFen(entry.balance_after_cents)}
        </span>
      ),
    },
    { title: t('fund.summary'), key: 'summary', render: (_, entry) => <EntrySummary entry={entry} /> },
    { title: t('fund.recordedBy'), key: 'by', width: 150, render: (_, entry) => byColumn(entry) },
  ];

  return (
    <Card variant="borderless" title={t('fund.ledgerTitle')} extra={extra} data-testid="fund-ledger">
      <ErrorAlert error={entries.error} />
      {narrow ? (
        <Spin spinning={entries.loading}>
          {entries.items.length === 0 && !entries.loading ? (
            <Typography.Text type="secondary">{t('fund.ledgerEmpty')}</Typography.Text>
          ) : (
            <Flex vertical data-testid="fund-entry-cards">
              {entries.items.map((entry, index) => (
                <div key={entry.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`fund-entry-row-${entry.id}`}>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                      <Typography.Text strong>{entry.on}</Typography.Text>
                      <FundKindTag kind={entry.kind} testId={`fund-entry-kind-${entry.id}`} />
                    </Flex>
                    <EntryAmount entry={entry} />
                  </Flex>
                  <div style={{ margin: '4px 0', fontSize: 13 }}>
                    <EntrySummary entry={entry} />
                  </div>
                  <Flex justify="space-between" align="center" gap={8} wrap>
                    {by(entry)}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`fund-entry-balance-${entry.id}`}>
                      {t('fund.balanceAfterShown', { balance: formatFen(entry.balance_after_cents) })}
                    </Typography.Text>
                  </Flex>
                </div>
              ))}
            </Flex>
          )}
          <CursorListFooter list={entries} pageSize={kPageSize} />
        </Spin>
      ) : (
        <CursorTable<FundEntry>
          list={entries}
          pageSize={kPageSize}
          columns={columns}
          onRow={(entry) => ({ 'data-testid': `fund-entry-row-${entry.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('fund.ledgerEmpty') }}
          data-testid="fund-entry-table"
        />
      )}
    </Card>
  );
}
