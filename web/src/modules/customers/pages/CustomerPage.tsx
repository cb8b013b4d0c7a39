import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Flex, Result, Skeleton, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  LockOutlined,
  MergeCellsOutlined,
  SafetyCertificateOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useOrgUnits } from '../../platform/useOrgUnits';
import { orgPath } from '../../platform/orgTree';
import { customerApi } from '../api';
import { customerAccess } from '../access';
import type { Customer } from '../types';
import { CustomerAvatar } from '../components/CustomerAvatar';
import { IdDocument, PhoneText, TagList } from '../components/CustomerCells';
import { CustomerFormModal } from '../components/CustomerFormModal';
import { CustomerHousehold, CustomerProfile } from '../components/CustomerProfile';
import { CustomerTimeline } from '../components/CustomerTimeline';
import { CustomerTickets } from '../components/CustomerTickets';
import { CustomerUnits } from '../../inventory/components/CustomerUnits';
import { RevealModal } from '../components/RevealModal';
import { MergeModal } from '../components/MergeModal';
import { AnonymizeModal } from '../components/AnonymizeModal';

type Dialog = 'edit' | 'reveal' | 'merge' | 'erase';

/** Set in the navigation state when a merged customer's page sent the user here. */
interface MergedNotice {
  mergedFrom?: number;
}

type LoadState = { state: 'loading' } | { state: 'ready' } | { state: 'missing' } | { state: 'failed'; error: unknown };

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div style={{ minWidth: 0 }} data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 2 }}>
        {label}
      </Typography.Text>
      <div style={{ fontSize: 14 }}>{children}</div>
    </div>
  );
}

/** Customer 360 (客户档案): the header with actions, then profile, household and timeline tabs. */
function CustomerView({ id }: { id: number }) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const { me } = useAuth();
  const access = customerAccess(me);
  const orgUnits = useOrgUnits();
  const [customer, setCustomer] = useState<Customer | null>(null);
  // The unmasked copy after "查看完整信息"; dropped when the record changes.
  const [revealed, setRevealed] = useState<Customer | null>(null);
  const [load, setLoad] = useState<LoadState>({ state: 'loading' });
  const [timelineKey, setTimelineKey] = useState(0);
  const [tab, setTab] = useState('profile');
  const { modal, openModal, closeModal } = useModalTarget<Dialog>();
  const mergedFrom = (location.state as MergedNotice | null)?.mergedFrom;

  const fetchCustomer = useCallback(async () => {
    try {
      setCustomer(await customerApi.get(id));
      setLoad({ state: 'ready' });
    } catch (err) {
      const into = err instanceof ApiError && err.status === 404 ? err.extraId('merged_into') : null;
      if (into !== null) {
        navigate(`/customers/${into}`, { replace: true, state: { mergedFrom: id } satisfies MergedNotice });
      } else if (err instanceof ApiError && err.status === 404) {
        setLoad({ state: 'missing' });
      } else {
        setLoad({ state: 'failed', error: err });
      }
    }
  }, [id, navigate]);

  useEffect(() => {
    void fetchCustomer();
  }, [fetchCustomer]);

  const changed = (next: Customer) => {
    setCustomer(next);
    setRevealed(null);
    setTimelineKey((key) => key + 1);
  };

  if (load.state === 'loading' || (load.state === 'ready' && !customer)) {
    return (
      <Card variant="borderless">
        <Skeleton avatar active paragraph={{ rows: 4 }} />
      </Card>
    );
  }
  if (load.state === 'missing') {
    return (
      <Result
        status="404"
        title={t('customer.notFoundTitle')}
        subTitle={t('customer.notFoundSubtitle')}
        extra={
          <Button type="primary" onClick={() => navigate('/customers')}>
            {t('customer.backToList')}
          </Button>
        }
      />
    );
  }
  if (load.state === 'failed' || !customer) {
    return (
      <Result
        status="warning"
        title={errorMessage(t, load.state === 'failed' ? load.error : null)}
        extra={<Button onClick={() => void fetchCustomer()}>{t('common.retry')}</Button>}
      />
    );
  }

  const shown = revealed ?? customer;
  const path = orgPath(orgUnits.byId, shown.org_unit_id);
  const unitName = orgUnits.byId.get(shown.org_unit_id)?.name ?? t('user.unknownOrgUnit', { id: shown.org_unit_id });
  const active = !shown.anonymized;

  const statusTag = shown.anonymized ? (
    <Tag icon={<SafetyCertificateOutlined />} color="default" data-testid="customer-anonymized">
      {t('customer.anonymizedBadge')}
    </Tag>
  ) : shown.masked ? (
    <Tooltip title={t('customer.maskedTooltip')}>
      <Tag icon={<LockOutlined />} color="gold" data-testid="customer-masked">
        {t('customer.maskedBadge')}
      </Tag>
    </Tooltip>
  ) : revealed ? (
    <Tag icon={<UnlockOutlined />} color="green" data-testid="customer-revealed">
      {t('customer.revealedBadge')}
    </Tag>
  ) : (
    <Tag icon={<UnlockOutlined />} color="blue">
      {t('customer.unmaskedBadge')}
    </Tag>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/customers')} style={{ padding: 0, height: 'auto' }}>
        {t('customer.backToList')}
      </Button>
      {mergedFrom !== undefined && (
        <Alert type="info" showIcon closable title={t('customer.mergedRedirect', { from: mergedFrom, id: shown.id })} data-testid="merged-notice" />
      )}
      {shown.anonymized && <Alert type="warning" showIcon title={t('customer.anonymizedNotice')} />}

      <Card variant="borderless" data-testid="customer-header">
        <Flex gap={20} align="flex-start" wrap>
          <CustomerAvatar customer={shown} size={64} />
          <div style={{ flex: 1, minWidth: 320 }}>
            <Flex align="center" gap={10} wrap>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="customer-name">
                {shown.name}
              </Typography.Title>
              {statusTag}
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {t('customer.headerMeta', { id: shown.id, unit: unitName, created: formatDateTime(shown.created_at).slice(0, 10) })}
            </Typography.Text>
            {shown.tags.length > 0 && (
              <div style={{ marginTop: 10 }} data-testid="customer-tags">
                <TagList tags={shown.tags} max={8} />
              </div>
            )}
          </div>
          <Flex gap={8} wrap style={{ marginLeft: 'auto' }}>
            {active && shown.masked && access.reveal && (
              <Button icon={<EyeOutlined />} onClick={() => openModal('reveal')} data-testid="reveal-customer">
                {t('customer.reveal')}
              </Button>
            )}
            {active && revealed && (
              <Button icon={<EyeInvisibleOutlined />} onClick={() => setRevealed(null)} data-testid="hide-customer">
                {t('customer.hideAgain')}
              </Button>
            )}
            {active && access.write && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => openModal('edit')} data-testid="edit-customer">
                {t('common.edit')}
              </Button>
            )}
            {active && access.write && (
              <Button icon={<MergeCellsOutlined />} onClick={() => openModal('merge')} data-testid="merge-customer">
                {t('customer.merge')}
              </Button>
            )}
            {active && access.erase && (
              <Button danger icon={<DeleteOutlined />} onClick={() => openModal('erase')} data-testid="erase-customer">
                {t('customer.erase')}
              </Button>
            )}
          </Flex>
        </Flex>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'minmax(140px, 1fr) minmax(230px, 1.5fr) repeat(3, minmax(110px, 1fr))',
            gap: 16,
            marginTop: 20,
            paddingTop: 16,
            borderTop: '1px solid #f0f2f5',
          }}
        >
          <Fact label={t('customer.primaryPhoneColumn')} testId="fact-phone">
            {shown.phone ? <PhoneText phone={shown.phone} /> : '—'}
          </Fact>
          <Fact label={t('customer.idDocument')} testId="fact-id">
            <IdDocument customer={shown} compact />
          </Fact>
          <Fact label={t('customer.city')}>{shown.city ?? '—'}</Fact>
          <Fact label={t('customer.sourceChannel')}>{shown.source_channel ?? '—'}</Fact>
          <Fact label={t('customer.orgUnit')}>
            <Tooltip title={path}>
              <span>{unitName}</span>
            </Tooltip>
          </Fact>
        </div>
      </Card>

      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'profile', label: t('customer.tab.profile'), children: <CustomerProfile customer={shown} orgPath={path} /> },
            { key: 'household', label: t('customer.tab.household'), children: <CustomerHousehold customer={shown} /> },
            {
              key: 'timeline',
              label: t('customer.tab.timeline'),
              children: <CustomerTimeline customerId={shown.id} refreshKey={timelineKey} />,
            },
            {
              key: 'units',
              label: t('customer.tab.units'),
              children: <CustomerUnits customerId={shown.id} refreshKey={timelineKey} />,
            },
            {
              key: 'tickets',
              label: t('customer.tab.tickets'),
              children: <CustomerTickets customerId={shown.id} refreshKey={timelineKey} />,
            },
          ]}
        />
      </Card>

      {modal?.target === 'edit' && (
        <CustomerFormModal
          key={modal.key}
          target={{ mode: 'edit', customer: shown }}
          tree={orgUnits.tree}
          onClose={closeModal}
          onSaved={changed}
        />
      )}
      {modal?.target === 'reveal' && (
        <RevealModal
          key={modal.key}
          customer={shown}
          reasonRequired={!me?.permissions.includes('personal_data.view')}
          onClose={closeModal}
          onRevealed={setRevealed}
        />
      )}
      {modal?.target === 'merge' && (
        <MergeModal key={modal.key} customer={shown} onClose={closeModal} onMerged={changed} />
      )}
      {modal?.target === 'erase' && (
        <AnonymizeModal key={modal.key} customer={shown} onClose={closeModal} onErased={changed} />
      )}
    </Space>
  );
}

/** /customers/:id — a fresh view per id, so that following a link to another customer starts clean. */
export default function CustomerPage() {
  const { id } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const numeric = Number(id);
  if (!Number.isInteger(numeric) || numeric <= 0) {
    return (
      <Result
        status="404"
        title={t('customer.notFoundTitle')}
        extra={<Button onClick={() => navigate('/customers')}>{t('customer.backToList')}</Button>}
      />
    );
  }
  return <CustomerView key={numeric} id={numeric} />;
}
