import { Suspense, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Grid, Space, Spin, Tabs, Tag, Tooltip, Typography } from 'antd';
import {
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
import type { Translate } from '../../../app/i18n/i18nContext';
import { useAuth } from '../../../app/auth/useAuth';
import { ApiError } from '../../../shared/api/client';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { BackLink, RecordFallback, recordPage, type BackTo } from '../../../shared/ui/RecordPage';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useOrgUnits } from '../../platform/useOrgUnits';
import { orgPath } from '../../platform/orgTree';
import { customerChanged, customerKeys, useCustomer } from '../queries';
import { customerSections, customerTabs } from '../extensionPoints';
import { customerAccess } from '../access';
import type { Customer } from '../types';
import { CustomerAvatar } from '../components/CustomerAvatar';
import { IdDocument, PhoneText, TagList } from '../components/CustomerCells';
import { CustomerFormModal } from '../components/CustomerFormModal';
import { CustomerHousehold, CustomerProfile } from '../components/CustomerProfile';
import { CustomerTimeline } from '../components/CustomerTimeline';
import { RevealModal } from '../components/RevealModal';
import { MergeModal } from '../components/MergeModal';
import { AnonymizeModal } from '../components/AnonymizeModal';

type Dialog = 'edit' | 'reveal' | 'merge' | 'erase';

const backToList = (t: Translate): BackTo => ({ path: '/customers', label: t('customer.backToList') });

const kTabLoading = (
  <Flex justify="center" style={{ padding: 48 }}>
    <Spin />
  </Flex>
);

/** Set in the navigation state when a merged customer's page sent the user here. */
interface MergedNotice {
  mergedFrom?: number;
}

/**
 * Customer 360 (客户档案): the header with actions, the cards other modules add to the overview
 * (`customerSections`), then profile, household and timeline tabs and those other modules add
 * (`customerTabs`).
 */
function CustomerView({ id }: { id: number }) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const { me } = useAuth();
  const access = customerAccess(me);
  const orgUnits = useOrgUnits();
  const queryClient = useQueryClient();
  const query = useCustomer(id);
  const customer = query.data;
  // The unmasked copy after "查看完整信息"; dropped when the record changes.
  const [revealed, setRevealed] = useState<Customer | null>(null);
  const [tab, setTab] = useState('profile');
  const { modal, openModal, closeModal } = useModalTarget<Dialog>();
  // On a phone the facts stand two by two and nothing is wider than the screen.
  const narrow = !Grid.useBreakpoint().md;
  const mergedFrom = (location.state as MergedNotice | null)?.mergedFrom;
  // A customer merged into another answers 404 with where it went: follow it there.
  const mergedInto = query.error instanceof ApiError && query.error.status === 404 ? query.error.extraId('merged_into') : null;
  useEffect(() => {
    if (mergedInto !== null) navigate(`/customers/${mergedInto}`, { replace: true, state: { mergedFrom: id } satisfies MergedNotice });
  }, [mergedInto, id, navigate]);

  const changed = (next: Customer) => {
    customerChanged(queryClient, next);
    setRevealed(null);
  };

  if (!customer || mergedInto !== null) {
    return (
      <RecordFallback
        error={mergedInto !== null ? null : query.error}
        onRetry={() => void query.refetch()}
        notFound={{ title: t('customer.notFoundTitle'), subtitle: t('customer.notFoundSubtitle') }}
        back={backToList(t)}
        skeleton={{ avatar: true, paragraph: { rows: 4 } }}
      />
    );
  }

  const shown = revealed ?? customer;
  // A customer shared with the caller's company may be held by one the caller cannot look up: the
  // record carries its company's name.
  const unitName = orgUnits.byId.get(shown.org_unit_id)?.name ?? shown.org_unit_name ?? t('user.unknownOrgUnit', { id: shown.org_unit_id });
  const path = orgPath(orgUnits.byId, shown.org_unit_id) || unitName;
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
      <BackLink back={backToList(t)} />
      {mergedFrom !== undefined && (
        <Alert type="info" showIcon closable title={t('customer.mergedRedirect', { from: mergedFrom, id: shown.id })} data-testid="merged-notice" />
      )}
      {shown.anonymized && <Alert type="warning" showIcon title={t('customer.anonymizedNotice')} />}

      <Card variant="borderless" data-testid="customer-header">
        <Flex gap={20} align="flex-start" wrap>
          <CustomerAvatar customer={shown} size={64} />
          <div style={{ flex: 1, minWidth: 'min(320px, 100%)' }}>
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
          <Flex gap={8} wrap style={{ marginLeft: narrow ? undefined : 'auto' }}>
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
        <FactGrid
          columns={narrow ? 'repeat(2, minmax(0, 1fr))' : 'minmax(140px, 1fr) minmax(230px, 1.5fr) repeat(3, minmax(110px, 1fr))'}
        >
          <Fact label={t('customer.primaryPhoneColumn')} testId="fact-phone">
            {shown.phone ? <PhoneText phone={shown.phone} /> : '—'}
          </Fact>
          <Fact label={t('customer.idDocument')} testId="fact-id" style={narrow ? { gridColumn: '1 / -1', order: 1 } : undefined}>
            <IdDocument customer={shown} compact />
          </Fact>
          <Fact label={t('customer.city')}>{shown.city ?? '—'}</Fact>
          <Fact label={t('customer.sourceChannel')}>{shown.source_channel ?? '—'}</Fact>
          <Fact label={t('customer.orgUnit')}>
            <Tooltip title={path}>
              <span>{unitName}</span>
            </Tooltip>
          </Fact>
        </FactGrid>
      </Card>

      {active &&
        customerSections.entries().map((section) => (
          <Card key={section.key} variant="borderless" title={t(section.title)} styles={{ body: { paddingBlock: 8 } }} data-testid={`customer-section-${section.key}`}>
            <Suspense fallback={kTabLoading}>
              <section.component customerId={shown.id} />
            </Suspense>
          </Card>
        ))}

      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'profile', label: t('customer.tab.profile'), children: <CustomerProfile customer={shown} orgPath={path} /> },
            { key: 'household', label: t('customer.tab.household'), children: <CustomerHousehold customer={shown} /> },
            { key: 'timeline', label: t('customer.tab.timeline'), children: <CustomerTimeline customerId={shown.id} /> },
            ...customerTabs.entries().map((extra) => ({
              key: extra.key,
              label: t(extra.label),
              children: (
                <Suspense fallback={kTabLoading}>
                  <extra.component customerId={shown.id} />
                </Suspense>
              ),
            })),
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
        <MergeModal
          key={modal.key}
          customer={shown}
          onClose={closeModal}
          onMerged={(survivor, fromId) => {
            // The merged-away customer answers 404 from now on.
            queryClient.removeQueries({ queryKey: customerKeys.detail(fromId) });
            changed(survivor);
          }}
        />
      )}
      {modal?.target === 'erase' && (
        <AnonymizeModal key={modal.key} customer={shown} onClose={closeModal} onErased={changed} />
      )}
    </Space>
  );
}

/** /customers/:id */
export default recordPage(CustomerView, 'customer.notFoundTitle', backToList);
