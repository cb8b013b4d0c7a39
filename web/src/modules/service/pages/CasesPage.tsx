import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { Card, Empty, Flex, Input, Spin, Tag, Typography } from 'antd';
import { BookOutlined, RightOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { serviceApi } from '../api';
import { serviceKeys } from '../queries';
import { kindLabel } from '../labels';
import type { TicketCase } from '../types';

const kNone: TicketCase[] = [];
import { useCategories } from '../useCategories';
import { CategoryFilter } from '../components/CategoryTreeSelect';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';

/** The server answers at most this many cases. */
const kMaxCases = 50;

/** `text` with every occurrence of `q` marked (case-insensitive). */
function highlight(text: string, q: string): ReactNode {
  if (!q) return text;
  const lower = text.toLowerCase();
  const needle = q.toLowerCase();
  const parts: ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(<mark key={at}>{text.slice(at, at + q.length)}</mark>);
    from = at + q.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/** /cases — 案例库: closed tickets filed as cases, by words and category, newest first. */
export default function CasesPage() {
  const t = useT();
  const categories = useCategories();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const categoryParam = Number(params.get('category_id'));
  const [category, setCategory] = useState<number | undefined>(Number.isInteger(categoryParam) && categoryParam > 0 ? categoryParam : undefined);
  const query = useDebouncedValue(q.trim(), 300);
  // setParams changes with every address: through a ref, the effect below runs only when the search does.
  const setParamsRef = useRef(setParams);
  useLayoutEffect(() => {
    setParamsRef.current = setParams;
  });

  // The address keeps the search, so a link (e.g. from a ticket just filed) opens it.
  useEffect(() => {
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    if (category !== undefined) next.set('category_id', String(category));
    setParamsRef.current(next, { replace: true });
  }, [query, category]);

  const search = { q: query || undefined, category_id: category };
  const found = useQuery({
    queryKey: serviceKeys.cases(search),
    queryFn: async ({ signal }) => (await serviceApi.cases(search, signal)).items,
    placeholderData: keepPreviousData,
  });
  const cases = found.data ?? kNone;
  const loading = found.isFetching;
  const error = found.error;

  const card = (c: TicketCase) => (
    <Card key={c.id} variant="borderless" size="small" data-testid={`case-${c.id}`} styles={{ body: { padding: '16px 20px' } }}>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Link to={`/tickets/${c.ticket_id}`} data-testid="case-title">
          <Typography.Text strong style={{ fontSize: 15, color: '#1f4fd1' }}>
            {highlight(c.title, query)}
          </Typography.Text>
        </Link>
        {c.category_id !== null && <Tag color="blue">{categories.path(c.category_id) || `#${c.category_id}`}</Tag>}
        <Tag>{kindLabel(t, c.kind)}</Tag>
        <Typography.Text type="secondary" style={{ marginLeft: 'auto', fontSize: 12 }}>
          {t('cases.filedAt', { at: formatDateTime(c.created_at).slice(0, 10) })}
        </Typography.Text>
      </Flex>
      <div style={{ display: 'grid', gridTemplateColumns: '72px 1fr', rowGap: 6, columnGap: 12 }}>
        <Typography.Text type="secondary">{t('cases.problem')}</Typography.Text>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: 'collapsible' }}>
          {highlight(c.problem, query)}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('cases.solution')}</Typography.Text>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 4, expandable: 'collapsible' }} data-testid="case-solution">
          {highlight(c.solution, query)}
        </Typography.Paragraph>
      </div>
      <Flex justify="flex-end" style={{ marginTop: 8 }}>
        <Link to={`/tickets/${c.ticket_id}`} data-testid="case-ticket">
          {t('cases.openTicket', { id: c.ticket_id })} <RightOutlined style={{ fontSize: 10 }} />
        </Link>
      </Flex>
    </Card>
  );

  return (
    <>
      <PageHeader title={t('cases.title')} description={t('cases.description')} />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center">
          <Input.Search
            allowClear
            value={q}
            onChange={(event) => setQ(event.target.value)}
            onSearch={setQ}
            placeholder={t('cases.searchPlaceholder')}
            aria-label={t('common.search')}
            style={{ width: 360 }}
            data-testid="case-search"
          />
          <CategoryFilter tree={categories.tree} value={category} onChange={setCategory} placeholder={t('cases.allCategories')} testId="case-category" />
          <Typography.Text type="secondary" style={{ marginLeft: 'auto' }} data-testid="case-count">
            {cases.length >= kMaxCases ? t('cases.countCapped', { count: cases.length }) : t('cases.count', { count: cases.length })}
          </Typography.Text>
        </Flex>
      </Card>
      <ErrorAlert error={error} />
      <Spin spinning={loading}>
        {cases.length === 0 && !loading ? (
          <Card variant="borderless">
            <Empty image={<BookOutlined style={{ fontSize: 48, color: '#c9ced6' }} />} description={query || category ? t('cases.noMatch') : t('cases.empty')} />
          </Card>
        ) : (
          <Flex vertical gap={12} data-testid="case-list" style={{ minHeight: 120 }}>
            {cases.map(card)}
          </Flex>
        )}
      </Spin>
    </>
  );
}
