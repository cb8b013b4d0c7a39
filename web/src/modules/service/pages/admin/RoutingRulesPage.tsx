import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../../../app/i18n/useT';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { useModalTarget } from '../../../../shared/hooks/useModalTarget';
import { errorMessage } from '../../../../shared/ui/apiErrors';
import { unitStatusLabel } from '../../../inventory/labels';
import { serviceApi } from '../../api';
import { departmentLabel, gradeLabel, kindLabel } from '../../labels';
import type { RoutingRule } from '../../types';
import { useCategories } from '../../useCategories';
import { useProjectNames } from '../../useProjectNames';
import { RoutingRuleFormModal } from '../../components/admin/RoutingRuleFormModal';

/** 系统管理 › 分派规则: the rules new tickets are matched against, in order. */
export default function RoutingRulesPage() {
  const t = useT();
  const { message } = App.useApp();
  const categories = useCategories();
  const projects = useProjectNames();
  const [rules, setRules] = useState<RoutingRule[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const { modal, openModal, closeModal } = useModalTarget<true>();

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setRules((await serviceApi.routingRules()).items);
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

  const remove = async (rule: RoutingRule) => {
    try {
      await serviceApi.deleteRoutingRule(rule.id);
      setRules((current) => current.filter((r) => r.id !== rule.id));
      message.success(t('serviceAdmin.ruleDeleted', { name: rule.name }));
    } catch (err) {
      message.error(errorMessage(t, err));
    }
  };

  const condition = (label: string, value: string) => (
    <Tag key={label} style={{ marginInlineEnd: 0 }}>
      {label}：{value}
    </Tag>
  );

  const columns: TableColumnsType<RoutingRule> = [
    { title: t('serviceAdmin.rulePosition'), dataIndex: 'position', key: 'position', width: 80 },
    {
      title: t('serviceAdmin.ruleName'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, rule) => (
        <Typography.Text strong type={rule.active ? undefined : 'secondary'}>
          {name}
          {!rule.active && <Tag style={{ marginInlineStart: 8 }}>{t('serviceAdmin.ruleInactive')}</Tag>}
        </Typography.Text>
      ),
    },
    {
      title: t('serviceAdmin.ruleConditions'),
      key: 'conditions',
      render: (_, rule) => {
        const parts = [
          rule.kind && condition(t('serviceAdmin.ruleKind'), kindLabel(t, rule.kind)),
          rule.category_id !== null && condition(t('serviceAdmin.ruleCategory'), categories.path(rule.category_id) || `#${rule.category_id}`),
          rule.grade && condition(t('serviceAdmin.ruleGrade'), gradeLabel(t, rule.grade)),
          rule.project_id !== null && condition(t('serviceAdmin.ruleProject'), projects.get(rule.project_id) ?? `#${rule.project_id}`),
          rule.unit_status && condition(t('serviceAdmin.ruleUnitStatus'), unitStatusLabel(t, rule.unit_status)),
        ].filter(Boolean);
        return parts.length ? (
          <Flex gap={4} wrap>
            {parts}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('serviceAdmin.ruleAny')}</Typography.Text>
        );
      },
    },
    {
      title: t('serviceAdmin.ruleDepartment'),
      dataIndex: 'department',
      key: 'department',
      width: 130,
      render: (department: string) => <Tag color="blue">{departmentLabel(t, department)}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, rule) => (
        <Popconfirm title={t('serviceAdmin.ruleDeleteConfirm', { name: rule.name })} okButtonProps={{ danger: true }} onConfirm={() => remove(rule)}>
          <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`rule-delete-${rule.id}`}>
            {t('serviceAdmin.ruleDelete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  const nextPosition = rules.reduce((max, r) => Math.max(max, r.position), 0) + 10;
  return (
    <>
      <PageHeader
        title={t('serviceAdmin.rulesTitle')}
        description={t('serviceAdmin.rulesDescription')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void reload()}>
              {t('common.refresh')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openModal(true)} data-testid="new-rule">
              {t('serviceAdmin.ruleNew')}
            </Button>
          </>
        }
      />
      {!!error && <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 16 }} />}
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Table<RoutingRule>
          rowKey="id"
          columns={columns}
          dataSource={[...rules].sort((a, b) => a.position - b.position || a.id - b.id)}
          loading={loading}
          pagination={false}
          size="middle"
          locale={{ emptyText: t('serviceAdmin.rulesEmpty') }}
          data-testid="rule-table"
        />
      </Card>
      {modal && (
        <RoutingRuleFormModal
          key={modal.key}
          categories={categories.tree}
          projects={projects}
          nextPosition={nextPosition}
          onClose={closeModal}
          onSaved={(rule) => setRules((current) => [...current, rule])}
        />
      )}
    </>
  );
}
