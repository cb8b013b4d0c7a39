import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, Modal, Row, Select, Spin, Tabs, Tag, Typography } from 'antd';
import { AlertOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import { useAuth } from '../../../app/auth/useAuth';
import { hasAnyRole, kAdminRoles } from '../../../app/auth/authContext';
import { ApiError } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { homeKeys } from '../../platform/queries';
import { serviceApi } from '../api';
import { serviceKeys } from '../queries';
import { openMassAlertsFigure } from '../extensions';
import { gradeLabel, gradeOptions, kGradeColors, kMassAlertStatusColors, massAlertStatusLabel } from '../labels';
import { kMassAlertStatuses, type MassAlert, type MassAlertStatus, type TicketGrade } from '../types';
import { useCategories } from '../useCategories';
import { useProjectNames } from '../../inventory/queries';
import { MassAlertSettingsCard } from '../components/MassAlertSettingsCard';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';

const kPageSize = 50;

/** A refused acknowledge/close in words: 409 invalid_transition gets its own sentence. */
function alertError(t: Translate, err: unknown): string {
  if (err instanceof ApiError && err.code === 'invalid_transition') return t('massAlert.invalidTransition');
  return errorMessage(t, err);
}

type Pending = { alert: MassAlert; action: 'acknowledge' | 'close' };

/** 确认并定级 / 关闭 with a note; the grade (acknowledge only) starts at the proposed one. */
function MassAlertActionModal({
  pending,
  onClose,
  onDone,
  onStale,
}: {
  pending: Pending;
  onClose: () => void;
  onDone: (alert: MassAlert) => void;
  /** The alert changed underneath (409 invalid_transition): the board reloads. */
  onStale: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ grade?: TicketGrade; note?: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const acknowledge = pending.action === 'acknowledge';

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const note = values.note?.trim() || undefined;
      const alert = acknowledge
        ? await serviceApi.acknowledgeMassAlert(pending.alert.id, { grade: values.grade, note })
        : await serviceApi.closeMassAlert(pending.alert.id, { note });
      message.success(acknowledge ? t('massAlert.acknowledged', { id: alert.id }) : t('massAlert.closed', { id: alert.id }));
      onDone(alert);
    } catch (err) {
      setError(alertError(t, err));
      if (err instanceof ApiError && err.code === 'invalid_transition') onStale();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={acknowledge ? t('massAlert.acknowledgeTitle', { id: pending.alert.id }) : t('massAlert.closeTitle', { id: pending.alert.id })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ grade: acknowledge ? pending.alert.proposed_grade : undefined }}>
        {acknowledge && (
          <Form.Item name="grade" label={t('massAlert.grade')} extra={t('massAlert.gradeHint', { count: pending.alert.ticket_ids.length })}>
            <Select options={gradeOptions(t)} allowClear placeholder={t('massAlert.keepGrade')} data-testid="mass-grade" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('massAlert.note')}>
          <Input.TextArea rows={3} maxLength={500} placeholder={acknowledge ? t('massAlert.acknowledgeNotePlaceholder') : t('massAlert.closeNotePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 客户服务 › 群诉预警: clusters of tickets the server flagged, to confirm and grade, then close. */
export default function MassAlertsPage() {
  const t = useT();
  const { me } = useAuth();
  const categories = useCategories();
  const projects = useProjectNames();
  const [status, setStatus] = useState<MassAlertStatus>('open');
  const [pending, setPending] = useState<Pending | null>(null);
  const queryClient = useQueryClient();
  // A tab starts empty: the cards of another status are not shown while its own load.
  const list = useCursorList(serviceKeys.massAlerts(status), (cursor, signal) => serviceApi.massAlerts({ status, limit: kPageSize, cursor }, signal), {
    keepPrevious: false,
  });
  const alerts = list.items;
  const loading = list.loading;
  const load = () => void list.reload();

  const done = (alert: MassAlert) => {
    setPending(null);
    list.setItems((current) => current.filter((a) => a.id !== alert.id || alert.status === status).map((a) => (a.id === alert.id ? alert : a)));
    // The other tabs and the home page's count read again when next shown.
    void queryClient.invalidateQueries({ queryKey: ['mass-alerts'], predicate: (query) => query.queryKey[1] !== status });
    void queryClient.invalidateQueries({ queryKey: homeKeys.figure(openMassAlertsFigure.key) });
  };

  const where = (a: MassAlert) => {
    const project = projects.get(a.project_id) ?? t('massAlert.projectRef', { id: a.project_id });
    return a.building === null ? `${project} · ${t('massAlert.wholeProject')}` : `${project} · ${t('massAlert.building', { building: a.building })}`;
  };

  const card = (a: MassAlert) => (
    <Card
      variant="borderless"
      data-testid={`mass-alert-${a.id}`}
      title={
        <Flex align="center" gap={8} wrap>
          <AlertOutlined style={{ color: a.proposed_grade === 'major' ? '#cf1322' : '#d46b08' }} />
          <span>{where(a)}</span>
        </Flex>
      }
      extra={<Tag color={kMassAlertStatusColors[a.status]}>{massAlertStatusLabel(t, a.status)}</Tag>}
      actions={
        a.status === 'closed'
          ? undefined
          : [
              ...(a.status === 'open'
                ? [
                    <Button key="ack" type="link" icon={<CheckOutlined />} onClick={() => setPending({ alert: a, action: 'acknowledge' })} data-testid={`mass-ack-${a.id}`}>
                      {t('massAlert.acknowledge')}
                    </Button>,
                  ]
                : []),
              <Button key="close" type="link" danger icon={<CloseOutlined />} onClick={() => setPending({ alert: a, action: 'close' })} data-testid={`mass-close-${a.id}`}>
                {t('massAlert.close')}
              </Button>,
            ]
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('massAlert.category')}>{categories.path(a.category_id) || `#${a.category_id}`}</Descriptions.Item>
        <Descriptions.Item label={t('massAlert.ticketCount')}>
          <Typography.Text strong data-testid="mass-count">
            {t('massAlert.ticketCountValue', { count: a.ticket_count })}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('massAlert.proposedGrade')}>
          <Tag color={kGradeColors[a.proposed_grade]} data-testid="mass-proposed-grade">
            {gradeLabel(t, a.proposed_grade)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('massAlert.tickets')}>
          <Flex gap={8} wrap>
            {a.ticket_ids.map((id) => (
              <Link key={id} to={`/tickets/${id}`} data-testid={`mass-ticket-${id}`}>
                #{id}
              </Link>
            ))}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(a.created_at)}</Descriptions.Item>
        {a.status !== 'open' && <Descriptions.Item label={t('common.updatedAt')}>{formatDateTime(a.updated_at)}</Descriptions.Item>}
        {a.note && <Descriptions.Item label={t('massAlert.note')}>{a.note}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );

  return (
    <>
      <PageHeader
        title={t('massAlert.title')}
        description={t('massAlert.description')}
        onRefresh={load}
      />
      {hasAnyRole(me, kAdminRoles) && <MassAlertSettingsCard />}
      <Tabs
        activeKey={status}
        onChange={(key) => setStatus(key as MassAlertStatus)}
        items={kMassAlertStatuses.map((value) => ({ key: value, label: massAlertStatusLabel(t, value) }))}
        data-testid="mass-tabs"
      />
      <ErrorAlert error={list.error} />
      <Spin spinning={loading}>
        {alerts.length === 0 && !loading ? (
          <Card variant="borderless">
            <Empty description={t('massAlert.empty')} />
          </Card>
        ) : (
          <Row gutter={[16, 16]} data-testid="mass-alerts">
            {alerts.map((a) => (
              <Col key={a.id} xs={24} lg={12} xxl={8}>
                {card(a)}
              </Col>
            ))}
          </Row>
        )}
      </Spin>
      {list.nextCursor && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => void list.loadMore()} loading={loading}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      {pending && <MassAlertActionModal key={`${pending.action}-${pending.alert.id}`} pending={pending} onClose={() => setPending(null)} onDone={done} onStale={load} />}
    </>
  );
}
