import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Popconfirm, Typography, type ButtonProps } from 'antd';
import { SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { FormModal } from '../../../shared/ui/FormModal';
import { requiredText } from '../../../shared/ui/formRules';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { ApiError } from '../../../shared/api/client';
import { deliveryApi } from '../api';
import { batchChanged, batchKeys } from '../queries';
import { formatMinute } from '../labels';
import { openRisks, releaseErrorText } from '../errors';
import type { DeliveryBatch, OpenRisk } from '../types';

/** The open blocking findings a refused release names, by unit code. */
function RiskList({ risks }: { risks: OpenRisk[] }) {
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid="open-risks">
      {risks.map((risk) => (
        <li key={risk.id} style={{ overflowWrap: 'anywhere' }} data-testid={`open-risk-${risk.id}`}>
          <Typography.Text strong className="hearth-mono">
            {risk.unit_code}
          </Typography.Text>{' '}
          · {risk.location}：{risk.description}
        </li>
      ))}
    </ul>
  );
}

/**
 * 放行 of a batch: once released, by whom and when (and a manager's reason when it went over open
 * risks); before, whether its blocking findings allow it and the button. A refusal (409 open_risks)
 * names the open blocking findings by unit; a manager then may 带风险放行 with a reason.
 */
export function ReleasePanel({ batch, writable, manager }: { batch: DeliveryBatch; writable: boolean; manager: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const overriding = useModalTarget<OpenRisk[]>();
  const [releasing, setReleasing] = useState(false);
  const [failure, setFailure] = useState<{ risks: OpenRisk[] | null; text: string } | null>(null);

  if (batch.status === 'released') {
    return (
      <Flex vertical gap={8} data-testid="release-panel" data-status="released">
        <Alert
          type="success"
          showIcon
          icon={<SafetyCertificateOutlined />}
          title={t('release.releasedBy', { name: batch.released_by_name ?? '', at: formatMinute(batch.released_at) })}
          data-testid="release-done"
        />
        {batch.override_reason && (
          <Alert type="warning" showIcon title={t('release.releasedOver', { reason: batch.override_reason })} style={{ overflowWrap: 'anywhere' }} data-testid="release-override-reason" />
        )}
      </Flex>
    );
  }

  const release = async () => {
    setReleasing(true);
    setFailure(null);
    try {
      const released = await deliveryApi.release(batch.id, batch.version);
      batchChanged(queryClient, released);
      void message.success(t('release.done', { name: released.name }));
    } catch (err) {
      setFailure({ risks: openRisks(err), text: releaseErrorText(t, err) });
      // What stood in the way may have changed (a finding recorded, the batch released elsewhere).
      void queryClient.invalidateQueries({ queryKey: batchKeys.detail(batch.id) });
    } finally {
      setReleasing(false);
    }
  };

  const risks = failure?.risks ?? null;
  return (
    <Flex vertical gap={12} data-testid="release-panel" data-status="planned">
      <Typography.Text type={batch.releasable ? undefined : 'secondary'} data-testid="release-state" data-releasable={batch.releasable}>
        {batch.releasable ? t('release.ready') : t('release.notReady', { count: batch.open_blocking })}
      </Typography.Text>
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure.text}
          description={risks && risks.length > 0 ? <RiskList risks={risks} /> : undefined}
          data-testid="release-refused"
        />
      )}
      {writable && (
        <Flex gap={8} wrap>
          <Popconfirm
            title={t('release.confirm', { name: batch.name })}
            okText={t('release.submit')}
            cancelText={t('common.cancel')}
            onConfirm={() => void release()}
            okButtonProps={{ 'data-testid': 'release-confirm' } as ButtonProps}
          >
            <Button type="primary" loading={releasing} icon={<SafetyCertificateOutlined />} data-testid="release-submit">
              {t('release.submit')}
            </Button>
          </Popconfirm>
          {manager && (risks !== null || !batch.releasable) && (
            <Button danger icon={<WarningOutlined />} onClick={() => overriding.openModal(risks ?? [])} data-testid="release-override">
              {t('release.override')}
            </Button>
          )}
        </Flex>
      )}
      {overriding.modal && (
        <OverrideModal
          key={overriding.modal.key}
          batch={batch}
          risks={overriding.modal.target}
          onReleased={() => setFailure(null)}
          onClose={overriding.closeModal}
        />
      )}
    </Flex>
  );
}

/** 带风险放行: a manager releases over the open blocking findings, the reason required. Mount it once per opening. */
function OverrideModal({ batch, risks, onReleased, onClose }: { batch: DeliveryBatch; risks: OpenRisk[]; onReleased: () => void; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      form={form}
      name="release-override"
      formFields={['override_reason']}
      fieldResolver={{ override_reason: 'reason' }}
      errorText={(cause) => releaseErrorText(t, cause)}
      initialValues={{ reason: '' }}
      autoComplete="off"
      title={t('release.overrideTitle', { name: batch.name })}
      okText={t('release.override')}
      okDanger
      width={560}
      testId="release-override-modal"
      onSave={async (values) => {
        try {
          const released = await deliveryApi.release(batch.id, batch.version, values.reason.trim());
          batchChanged(queryClient, released);
          onReleased();
          void message.success(t('release.overrideDone', { name: released.name }));
        } catch (err) {
          if (err instanceof ApiError && err.status === 409) void queryClient.invalidateQueries({ queryKey: batchKeys.detail(batch.id) });
          throw err;
        }
      }}
      onClose={onClose}
    >
      <Alert
        type="warning"
        showIcon
        title={t('release.overrideWarning')}
        description={risks.length > 0 ? <RiskList risks={risks} /> : undefined}
        style={{ marginBottom: 16 }}
      />
      <Form.Item name="reason" label={t('release.overrideReason')} rules={[...requiredText(t('release.overrideReasonRequired')), { max: 500, message: t('reason.too_long') }]}>
        <Input.TextArea rows={3} maxLength={500} autoFocus placeholder={t('release.overrideReasonPlaceholder')} data-testid="release-override-reason-input" />
      </Form.Item>
    </FormModal>
  );
}
