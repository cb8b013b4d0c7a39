import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../../../app/i18n/useT';
import type { Translate } from '../../../../app/i18n/i18nContext';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { useModalTarget } from '../../../../shared/hooks/useModalTarget';
import { errorMessage } from '../../../../shared/ui/apiErrors';
import { serviceApi } from '../../api';
import { gradeLabel, kindLabel } from '../../labels';
import type { SlaPolicy } from '../../types';
import { useCategories } from '../../useCategories';
import { SlaPolicyFormModal } from '../../components/admin/SlaPolicyFormModal';

/** "24 工作小时" / "4.5 工作小时" of minutes of working time. */
export function workingHours(t: Translate, minutes: number): string {
  const hours = Math.round((minutes / 60) * 100) / 100;
  return t('serviceAdmin.slaHours', { hours });
}

/** How specific a policy is (category, then grade, then kind), for the order shown. */
const specificity = (p: SlaPolicy) => (p.category_id !== null ? 4 : 0) + (p.grade ? 2 : 0) + (p.kind ? 1 : 0);

/** 系统管理 › SLA 策略: response and resolution limits in working hours. */
export default function SlaPoliciesPage() {
  const t = useT();
  const { message } = App.useApp();
  const categories = useCategories();
  const [policies, setPolicies] = useState<SlaPolicy[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const { modal, openModal, closeModal } = useModalTarget<true>();

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setPolicies((await serviceApi.slaPolicies()).items);
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const remove = async (policy: SlaPolicy) => {
    try {
      await serviceApi.deleteSlaPolicy(policy.id);
      setPolicies((current) => current.filter((p) => p.id !== policy.id));
      message.success(t('serviceAdmin.slaDeleted', { name: policy.name }));
    } catch (err) {
      message.error(errorMessage(t, err));
    }
  };

  const scope = (label: string, value: string) => (
    <Tag key={label} style={{ marginInlineEnd: 0 }}>
      {label}：{value}
    </Tag>
  );

  const columns: TableColumnsType<SlaPolicy> = [
    { title: t('serviceAdmin.slaName'), dataIndex: 'name', key: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    {
      title: t('serviceAdmin.slaAppliesTo'),
      key: 'scope',
      render: (_, p) => {
        const parts = [
          p.category_id !== null && scope(t('serviceAdmin.ruleCategory'), categories.path(p.category_id) || `#${p.category_id}`),
          p.grade && scope(t('serviceAdmin.ruleGrade'), gradeLabel(t, p.grade)),
          p.kind && scope(t('serviceAdmin.ruleKind'), kindLabel(t, p.kind)),
        ].filter(Boolean);
        return parts.length ? (
          <Flex gap={4} wrap>
            {parts}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('serviceAdmin.slaDefault')}</Typography.Text>
        );
      },
    },
    { title: t('serviceAdmin.slaResponse'), dataIndex: 'response_minutes', key: 'response', width: 150, render: (m: number) => workingHours(t, m) },
    { title: t('serviceAdmin.slaResolve'), dataIndex: 'resolve_minutes', key: 'resolve', width: 150, render: (m: number) => workingHours(t, m) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, p) => (
        <Popconfirm title={t('serviceAdmin.slaDeleteConfirm', { name: p.name })} okButtonProps={{ danger: true }} onConfirm={() => remove(p)}>
          <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`sla-delete-${p.id}`}>
            {t('serviceAdmin.ruleDelete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('serviceAdmin.slaTitle')}
        description={t('serviceAdmin.slaDescription')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void reload()}>
              {t('common.refresh')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openModal(true)} data-testid="new-sla">
              {t('serviceAdmin.slaNew')}
            </Button>
          </>
        }
      />
      {!!error && <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 16 }} />}
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Table<SlaPolicy>
          rowKey="id"
          columns={columns}
          dataSource={[...policies].sort((a, b) => specificity(a) - specificity(b) || a.id - b.id)}
          loading={loading}
          pagination={false}
          size="middle"
          locale={{ emptyText: t('serviceAdmin.slaEmpty') }}
          data-testid="sla-table"
        />
      </Card>
      {modal && (
        <SlaPolicyFormModal key={modal.key} categories={categories.tree} onClose={closeModal} onSaved={(p) => setPolicies((current) => [...current, p])} />
      )}
    </>
  );
}
