import { useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Steps, Typography } from 'antd';
import { ArrowRightOutlined, RollbackOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { inventoryApi } from '../api';
import { isStepBack, kNextStatuses, statusColor, unitStatusLabel } from '../labels';
import { kUnitStatuses, type UnitStatus, type UnitWithOwners } from '../types';

type Failure =
  | { kind: 'transition'; from: UnitStatus; to: UnitStatus }
  | { kind: 'conflict' }
  | { kind: 'other'; error: unknown };

/**
 * The sales pipeline of a unit (待售 → 认筹 → 认购 → 签约 → 交付) and the moves it allows from here.
 * A move is PATCH /units/{id} with If-Match; a move the server refuses (409 invalid_transition,
 * e.g. someone else signed the contract meanwhile) reads the unit again and says why.
 */
export function UnitStatusPanel({
  unit,
  canWrite,
  byDeals,
  resetKey,
  onChanged,
}: {
  unit: UnitWithOwners;
  /** An administrator's correction by hand. */
  canWrite: boolean;
  /** Says that the deals move the status (those who sell, but may not correct it by hand). */
  byDeals: boolean;
  /** Changes when the user did something else on the page, which makes an old failure moot. */
  resetKey: number;
  onChanged: (unit: UnitWithOwners) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<UnitStatus | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [seenKey, setSeenKey] = useState(resetKey);
  if (seenKey !== resetKey) {
    setSeenKey(resetKey);
    setFailure(null);
  }
  const current = kUnitStatuses.indexOf(unit.status);

  const move = async (to: UnitStatus) => {
    setBusy(to);
    setFailure(null);
    try {
      const changed = await inventoryApi.updateUnit(unit.id, { status: to }, unit.version);
      message.success(t('unit.statusChanged', { code: changed.code, status: unitStatusLabel(t, changed.status) }));
      onChanged(changed);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_transition') {
        // Our copy may be stale: show the move against the status the unit really has.
        const fresh = await inventoryApi.getUnit(unit.id).catch(() => null);
        if (fresh) onChanged(fresh);
        setFailure({ kind: 'transition', from: fresh?.status ?? unit.status, to });
      } else if (err instanceof ApiError && err.code === 'version_conflict') {
        setFailure({ kind: 'conflict' });
      } else {
        setFailure({ kind: 'other', error: err });
      }
    } finally {
      setBusy(null);
    }
  };

  const reload = async () => {
    try {
      onChanged(await inventoryApi.getUnit(unit.id));
      setFailure(null);
    } catch (err) {
      setFailure({ kind: 'other', error: err });
    }
  };

  const next = kNextStatuses[unit.status] ?? [];
  return (
    <div data-testid="unit-status-panel">
      <Steps
        size="small"
        current={current}
        items={kUnitStatuses.map((status, index) => ({
          key: status,
          title: unitStatusLabel(t, status),
          status: index < current ? 'finish' : index === current ? 'process' : 'wait',
        }))}
        style={{ maxWidth: 760, marginBottom: 20 }}
      />
      {failure?.kind === 'transition' && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setFailure(null) }}
          title={t('unit.invalidTransition', { from: unitStatusLabel(t, failure.from), to: unitStatusLabel(t, failure.to) })}
          description={t('unit.transitionRule')}
          style={{ marginBottom: 16 }}
          data-testid="unit-status-error"
        />
      )}
      {failure?.kind === 'conflict' && (
        <Alert
          type="warning"
          showIcon
          title={t('error.versionConflict')}
          action={
            <Button size="small" onClick={() => void reload()} data-testid="reload-record">
              {t('common.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
          data-testid="unit-status-error"
        />
      )}
      {failure?.kind === 'other' && (
        <Alert type="error" showIcon title={errorMessage(t, failure.error)} style={{ marginBottom: 16 }} data-testid="unit-status-error" />
      )}
      {byDeals && (
        <Typography.Text type="secondary" data-testid="status-by-deals">
          {t('unit.statusByDeals')}
        </Typography.Text>
      )}
      {canWrite && (
        <Flex gap={8} wrap align="center">
          {next.length === 0 ? (
            <Typography.Text type="secondary">{t('unit.noNextStatus')}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('unit.changeStatusTo')}</Typography.Text>
          )}
          {next.map((to) => {
            const back = isStepBack(unit.status, to);
            const color = statusColor(to);
            return (
              <Popconfirm
                key={to}
                title={back ? t('unit.confirmBackTitle', { status: unitStatusLabel(t, to) }) : t('unit.confirmTitle', { status: unitStatusLabel(t, to) })}
                description={back ? t('unit.confirmBackDetail') : undefined}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: back, 'data-testid': 'confirm-status' }}
                onConfirm={() => move(to)}
              >
                <Button
                  danger={back}
                  loading={busy === to}
                  disabled={busy !== null && busy !== to}
                  icon={back ? <RollbackOutlined /> : <ArrowRightOutlined />}
                  style={back ? undefined : { borderColor: color.strong, color: color.text, background: color.soft }}
                  data-testid={`status-to-${to}`}
                >
                  {back ? t('unit.backTo', { status: unitStatusLabel(t, to) }) : t('unit.moveTo', { status: unitStatusLabel(t, to) })}
                </Button>
              </Popconfirm>
            );
          })}
        </Flex>
      )}
    </div>
  );
}
