import type { HTMLAttributes } from 'react';
import { Flex, Grid, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { CursorListFooter } from '../../../shared/ui/CursorTable';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { kLedgerPageSize } from '../api';
import { useLedger } from '../queries';
import { formatPoints, signedPoints } from '../labels';
import type { PointMove } from '../types';
import { ReasonTag } from './Tags';

/** A line's points in green (earned) or red (spent, expired), with their sign. */
function Delta({ move }: { move: PointMove }) {
  return (
    <Typography.Text strong style={{ color: move.delta > 0 ? '#1a7f37' : '#cf222e', whiteSpace: 'nowrap' }} data-testid={`ledger-delta-${move.id}`}>
      {signedPoints(move.delta)}
    </Typography.Text>
  );
}

/**
 * 积分明细: the member's ledger, newest first, a page at a time — when, why in words (and the note),
 * the points with their sign, the balance after, who (系统 for what the club earned by itself: a
 * contract, a referral, a survey answered, an expiry) and until when an earning is good. On a phone
 * each line is a row of its own.
 */
export function Ledger({ memberId }: { memberId: number }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const ledger = useLedger(memberId);
  const who = (move: PointMove) => move.actor_name ?? t('clubLedger.system');
  const why = (move: PointMove) => (
    <Flex gap="2px 8px" wrap align="center" style={{ minWidth: 0 }}>
      <ReasonTag reason={move.reason} />
      {move.note && (
        <Typography.Text type="secondary" style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
          {move.note}
        </Typography.Text>
      )}
    </Flex>
  );

  const columns: TableColumnsType<PointMove> = [
    { title: t('clubLedger.at'), key: 'at', width: 170, render: (_, move) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(move.at)}</span> },
    { title: t('clubLedger.reason'), key: 'reason', render: (_, move) => why(move) },
    { title: t('clubLedger.delta'), key: 'delta', width: 100, align: 'right', render: (_, move) => <Delta move={move} /> },
    { title: t('clubLedger.balance'), key: 'balance', width: 100, align: 'right', render: (_, move) => formatPoints(move.balance_after) },
    { title: t('clubLedger.actor'), key: 'actor', width: 140, render: (_, move) => who(move) },
    {
      title: t('clubLedger.expires'),
      key: 'expires',
      width: 120,
      render: (_, move) => (move.expires_at ? <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(move.expires_at).slice(0, 10)}</span> : '—'),
    },
  ];

  return (
    <div data-testid="ledger">
      <ErrorAlert error={ledger.error} />
      {narrow ? (
        <Spin spinning={ledger.loading && ledger.items.length === 0}>
          {ledger.items.length === 0 && !ledger.loading ? (
            <Typography.Text type="secondary">{t('clubLedger.empty')}</Typography.Text>
          ) : (
            <Flex vertical>
              {ledger.items.map((move, index) => (
                <div key={move.id} style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`ledger-row-${move.id}`}>
                  <Flex justify="space-between" align="center" gap={8}>
                    {why(move)}
                    <Delta move={move} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                    {[formatDateTime(move.at).slice(0, 16), who(move), t('clubLedger.balanceAfter', { balance: formatPoints(move.balance_after) }), move.expires_at ? t('clubLedger.expiresOn', { date: formatDateTime(move.expires_at).slice(0, 10) }) : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </div>
              ))}
            </Flex>
          )}
        </Spin>
      ) : (
        <Table<PointMove>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={ledger.items}
          loading={ledger.loading}
          pagination={false}
          onRow={(move) => ({ 'data-testid': `ledger-row-${move.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('clubLedger.empty') }}
        />
      )}
      <CursorListFooter list={ledger} pageSize={kLedgerPageSize} />
    </div>
  );
}
