import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Typography, type TableColumnsType } from 'antd';
import { CloudUploadOutlined, InfoCircleOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { ApiError } from '../../../shared/api/client';
import type { Answer } from '../../../shared/api/wire';
import { PageHeader, RefreshButton } from '../../../shared/ui/PageHeader';
import { CursorTable } from '../../../shared/ui/CursorTable';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useOrgUnits } from '../../platform/useOrgUnits';
import { OrgUnitName } from '../../platform/components/OrgUnitName';
import { dateColumn } from '../../../shared/ui/tableColumns';
import { customerApi } from '../api';
import { customerChanged, customerKeys } from '../queries';
import { customerAccess } from '../access';
import { searchable } from '../search';
import { CustomerFormModal, type CustomerModalTarget } from '../components/CustomerFormModal';
import { GenderText, Highlight, IdDocument, PhoneText, TagList } from '../components/CustomerCells';
import { CustomerAvatar } from '../components/CustomerAvatar';
import { CustomerExportButton } from '../components/CustomerExportButton';
import type { Customer } from '../types';

const kPageSize = 50;
/** A search answers this many a page (its next_cursor pages through the best 200). */
const kSearchPageSize = 20;
const kSearchDelayMs = 250;

type CustomerListAnswer = Answer<'/customers', 'get'>;

/** 422 fields.q = "too_short": the query is not yet specific enough, which is no error. */
const isTooShort = (err: unknown) => err instanceof ApiError && err.fields.q === 'too_short';

export default function CustomersPage() {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useAuth();
  const access = customerAccess(me);
  const orgUnits = useOrgUnits();
  const { modal, openModal, closeModal } = useModalTarget<CustomerModalTarget>();
  const queryClient = useQueryClient();

  // The address keeps the search (?q=), so a link (e.g. from the home page) opens it.
  const [params, setParams] = useSearchParams();
  const [typed, setTyped] = useState(() => params.get('q') ?? '');
  const settled = useDebouncedValue(typed.trim(), kSearchDelayMs);
  // A query too short to search keeps the last answer on screen, with a hint.
  const [query, setQuery] = useState(() => (searchable(settled) ? settled : ''));
  const tooShort = settled !== '' && !searchable(settled);
  if (!tooShort && settled !== query) setQuery(settled);
  const setParamsRef = useRef(setParams);
  useLayoutEffect(() => {
    setParamsRef.current = setParams;
  });
  useEffect(() => {
    setParamsRef.current(query ? { q: query } : {}, { replace: true });
  }, [query]);

  // A search answers its best matches 20 a page, with how many match in all.
  const listQuery = query ? { q: query, limit: kSearchPageSize } : { limit: kPageSize };
  const customers = useCursorList(customerKeys.list(listQuery), (cursor, signal) => customerApi.list({ ...listQuery, cursor }, signal));
  const searching = query !== '';
  const showHint = tooShort || isTooShort(customers.error);
  // The first page's answer tells the total (counted up to 200).
  const first = customers.pages[0] as CustomerListAnswer | undefined;
  const total = searching ? (first?.total ?? null) : null;
  const capped = searching && first?.total_capped === true;
  // The cursor pages through the best 200 only: past them, narrowing the search is the way on.
  const bestOnly = total !== null && !customers.nextCursor && customers.items.length < total;

  const needle = searching ? query : undefined;
  const columns: TableColumnsType<Customer> = [
    {
      title: t('customer.name'),
      dataIndex: 'name',
      key: 'name',
      width: 140,
      render: (_, customer) => (
        <Flex align="center" gap={10}>
          <CustomerAvatar customer={customer} size={28} />
          <Typography.Text strong style={{ color: '#1f4fd1', whiteSpace: 'nowrap' }}>
            <Highlight text={customer.name} needle={needle} />
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('customer.primaryPhoneColumn'),
      dataIndex: 'phone',
      key: 'phone',
      width: 128,
      render: (phone: string | null) => (phone ? <PhoneText phone={phone} needle={needle} /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('customer.idDocument'),
      key: 'id',
      width: 220,
      render: (_, customer) => <IdDocument customer={customer} needle={needle} compact />,
    },
    { title: t('customer.gender'), dataIndex: 'gender', key: 'gender', width: 68, render: (gender: string) => <GenderText gender={gender} /> },
    { title: t('customer.city'), dataIndex: 'city', key: 'city', width: 72, render: (city: string | null) => city ?? '—' },
    { title: t('customer.tags'), dataIndex: 'tags', key: 'tags', render: (tags: string[]) => <TagList tags={tags} max={2} /> },
    {
      title: t('customer.sourceChannel'),
      dataIndex: 'source_channel',
      key: 'source_channel',
      width: 90,
      render: (source: string | null) => source ?? '—',
    },
    { title: t('customer.orgUnit'), dataIndex: 'org_unit_id', key: 'org_unit_id', width: 110, render: (id: number) => <OrgUnitName id={id} byId={orgUnits.byId} /> },
    dateColumn(t('common.createdAt'), 'created_at', 108),
  ];

  return (
    <>
      <PageHeader
        title={t('customer.title')}
        description={t('customer.description')}
        extra={
          <>
            <CustomerExportButton query={query} />
            {access.write && (
              <Button icon={<CloudUploadOutlined />} onClick={() => navigate('/customers/import')} data-testid="import-customers">
                {t('import.button')}
              </Button>
            )}
            {access.write && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => openModal({ mode: 'create', orgUnitId: me?.org_unit_id ?? undefined })}
                data-testid="new-customer"
              >
                {t('customer.new')}
              </Button>
            )}
          </>
        }
      />
      {!!customers.error && !isTooShort(customers.error) && (
        <Alert type="error" showIcon title={errorMessage(t, customers.error)} style={{ marginBottom: 16 }} />
      )}
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Input
            allowClear
            size="large"
            prefix={<SearchOutlined style={{ color: '#8c94a3' }} />}
            placeholder={t('customer.searchPlaceholder')}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            maxLength={100}
            style={{ width: 460, maxWidth: '100%' }}
            data-testid="customer-search"
          />
          <div style={{ minHeight: 22 }} data-testid="customer-search-status">
            {showHint ? (
              <Typography.Text type="secondary">
                <InfoCircleOutlined style={{ color: '#1f4fd1', marginInlineEnd: 6 }} />
                {t('customer.searchTooShort')}
              </Typography.Text>
            ) : (
              searching &&
              !customers.loading && (
                <Typography.Text type="secondary" data-testid="customer-search-total" data-total={total ?? undefined} data-capped={capped ? 'true' : undefined}>
                  {total === null
                    ? t('customer.searchResults', { count: customers.items.length, q: query })
                    : capped
                      ? t('customer.searchTotalCapped', { count: total, q: query })
                      : t('customer.searchTotal', { count: total, q: query })}
                </Typography.Text>
              )
            )}
          </div>
          <RefreshButton onRefresh={() => void customers.reload()} style={{ marginLeft: 'auto' }} />
        </Flex>
        {bestOnly && searching && (
          <Alert type="info" showIcon title={t('customer.searchBestOnly', { count: customers.items.length })} style={{ marginBottom: 12 }} data-testid="customer-search-best-only" />
        )}
        <CursorTable<Customer>
          list={customers}
          pageSize={searching ? kSearchPageSize : kPageSize}
          columns={columns}
          scroll={{ x: 1100 }}
          sticky={{ offsetHeader: 64 }}
          onRow={(customer) => ({ onClick: () => navigate(`/customers/${customer.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: searching ? t('customer.searchEmpty') : t('customer.empty') }}
          data-testid="customer-table"
        />
      </Card>
      {modal && (
        <CustomerFormModal
          key={modal.key}
          target={modal.target}
          tree={orgUnits.tree}
          onClose={closeModal}
          onSaved={(customer) => {
            customerChanged(queryClient, customer);
            navigate(`/customers/${customer.id}`);
          }}
        />
      )}
    </>
  );
}
