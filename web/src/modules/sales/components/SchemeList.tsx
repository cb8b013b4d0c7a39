import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Flex, Grid, Popconfirm, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { salesApi } from '../api';
import { schemeChanged, useSchemes } from '../queries';
import { schemeDiscountText, schemeValidityText } from '../labels';
import { schemeErrorText } from '../errors';
import type { DiscountScheme } from '../types';
import { SchemeStateTag } from './PriceCells';

/** "3 / 10", "3 / 不限". */
const usesText = (t: ReturnType<typeof useT>, s: DiscountScheme) => t('scheme.usesOf', { uses: s.uses, max: s.max_uses ?? t('scheme.unlimited') });

/**
 * 折扣方案 of a project: the discount in words (九八折, 减¥50,000), the dates, 已用/上限, 可叠加 and
 * whether it may be given today. Managers edit one (name, end date, limit, 可叠加) and close or
 * reopen it. On a phone the rows are cards.
 */
export function SchemeList({ projectId, manage, onEdit }: { projectId: number; manage: boolean; onEdit: (scheme: DiscountScheme) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const narrow = !Grid.useBreakpoint().md;
  const schemes = useSchemes(projectId);
  const [busy, setBusy] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const toggle = async (scheme: DiscountScheme) => {
    setBusy(scheme.id);
    setFailure(null);
    try {
      const saved = await salesApi.updateScheme(scheme.id, { active: !scheme.active });
      schemeChanged(queryClient, saved);
      void message.success(t(saved.active ? 'scheme.reopened' : 'scheme.closed', { name: saved.name }));
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(null);
    }
  };

  const actions = (s: DiscountScheme): ReactNode =>
    manage ? (
      <Flex gap={8} wrap>
        <Button size="small" onClick={() => onEdit(s)} data-testid={`scheme-edit-${s.id}`}>
          {t('common.edit')}
        </Button>
        {s.active ? (
          <Popconfirm
            title={t('scheme.closeConfirm', { name: s.name })}
            okText={t('scheme.close')}
            cancelText={t('common.cancel')}
            onConfirm={() => void toggle(s)}
            okButtonProps={{ danger: true, 'data-testid': 'scheme-close-confirm' } as ButtonProps}
          >
            <Button size="small" danger loading={busy === s.id} data-testid={`scheme-toggle-${s.id}`}>
              {t('scheme.close')}
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" loading={busy === s.id} onClick={() => void toggle(s)} data-testid={`scheme-toggle-${s.id}`}>
            {t('scheme.reopen')}
          </Button>
        )}
      </Flex>
    ) : null;

  const columns: TableColumnsType<DiscountScheme> = [
    { title: t('scheme.name'), dataIndex: 'name', key: 'name', width: 180, render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    {
      title: t('scheme.discount'),
      key: 'discount',
      width: 120,
      render: (_, s) => <span data-testid={`scheme-discount-${s.id}`}>{schemeDiscountText(t, s)}</span>,
    },
    { title: t('scheme.validity'), key: 'validity', width: 210, render: (_, s) => schemeValidityText(t, s) },
    { title: t('scheme.uses'), key: 'uses', width: 100, render: (_, s) => <span data-testid={`scheme-uses-${s.id}`}>{usesText(t, s)}</span> },
    { title: t('scheme.stackable'), dataIndex: 'stackable', key: 'stackable', width: 80, render: (stackable: boolean) => (stackable ? t('scheme.yes') : t('scheme.no')) },
    { title: t('scheme.state'), key: 'state', width: 90, render: (_, s) => <SchemeStateTag scheme={s} testId={`scheme-state-${s.id}`} /> },
    ...(manage ? [{ title: t('common.actions'), key: 'actions', width: 150, render: (_: unknown, s: DiscountScheme) => actions(s) }] : []),
  ];

  const items = schemes.data ?? [];
  return (
    <>
      <ErrorAlert error={schemes.error} />
      {failure !== null && <Alert type="error" showIcon title={schemeErrorText(t, failure)} style={{ marginBottom: 16 }} data-testid="scheme-failed" />}
      {narrow ? (
        <Spin spinning={schemes.isLoading}>
          {items.length === 0 && !schemes.isLoading ? (
            <Typography.Text type="secondary">{t('scheme.empty')}</Typography.Text>
          ) : (
            <Flex vertical data-testid="scheme-cards">
              {items.map((s, index) => (
                <div key={s.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`scheme-row-${s.id}`}>
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                      {s.name}
                    </Typography.Text>
                    <SchemeStateTag scheme={s} testId={`scheme-state-${s.id}`} />
                  </Flex>
                  <Typography.Text style={{ display: 'block' }}>
                    <span data-testid={`scheme-discount-${s.id}`}>{schemeDiscountText(t, s)}</span>
                    {' · '}
                    {s.stackable ? t('scheme.stackableYes') : t('scheme.stackableNo')}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {schemeValidityText(t, s)} · {t('scheme.uses')} <span data-testid={`scheme-uses-${s.id}`}>{usesText(t, s)}</span>
                  </Typography.Text>
                  {manage && <div style={{ marginTop: 6 }}>{actions(s)}</div>}
                </div>
              ))}
            </Flex>
          )}
        </Spin>
      ) : (
        <Table<DiscountScheme>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={schemes.isLoading}
          pagination={false}
          scroll={{ x: manage ? 930 : 780 }}
          onRow={(s) => ({ 'data-testid': `scheme-row-${s.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('scheme.empty') }}
          data-testid="scheme-table"
        />
      )}
    </>
  );
}
