import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ConfigProvider, Empty, Flex, Grid, Radio, Spin, Tag, Timeline, Typography } from 'antd';
import { CommentOutlined, CompassOutlined, FileTextOutlined, FormOutlined, HomeOutlined, KeyOutlined, MergeCellsOutlined, PhoneOutlined, ShoppingOutlined, StarOutlined, ToolOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { valueLabel } from '../../../app/i18n/i18nContext';
import { CursorListFooter } from '../../../shared/ui/CursorTable';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { customerApi } from '../api';
import { customerKeys } from '../queries';
import { timelineRefLinks } from '../extensionPoints';
import { kTimelineColors, timelineKindLabel, timelineKindOptions } from '../labels';
import type { TimelineEvent } from '../types';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';

const kPageSize = 20;

const kIcons: Record<string, ReactNode> = {
  profile: <FormOutlined />,
  visit: <HomeOutlined />,
  call: <PhoneOutlined />,
  purchase: <ShoppingOutlined />,
  delivery: <KeyOutlined />,
  journey: <CompassOutlined />,
  ticket: <ToolOutlined />,
  survey: <FileTextOutlined />,
  club: <StarOutlined />,
  merge: <MergeCellsOutlined />,
};

function KindIcon({ kind }: { kind: string }) {
  const color = kTimelineColors[kind] ?? '#8c94a3';
  return (
    <Flex
      align="center"
      justify="center"
      style={{ width: 28, minWidth: 28, height: 28, flex: 'none', boxSizing: 'border-box', borderRadius: 14, background: `${color}14`, color, border: `1px solid ${color}40`, fontSize: 13 }}
    >
      {kIcons[kind] ?? <CommentOutlined />}
    </Flex>
  );
}

/** Where an event's record has a page: another customer's, or one a module links (`timelineRefLinks`); null when none. */
function refHref(event: TimelineEvent): string | null {
  if (!event.ref_type || event.ref_id === null) return null;
  if (event.ref_type === 'customer') return `/customers/${event.ref_id}`;
  return timelineRefLinks.entries().find((entry) => entry.key === event.ref_type)?.href(event.ref_id) ?? null;
}

/** What an event points at, by the word for its kind of record (工单, 房源, 客户): a link where it has a page. */
function EventRef({ event }: { event: TimelineEvent }) {
  const t = useT();
  if (!event.ref_type || event.ref_id === null) return null;
  const name = valueLabel(t, 'entity', event.ref_type);
  const href = refHref(event);
  return href ? (
    <Link to={href} data-testid="timeline-ref" data-ref-type={event.ref_type}>
      {name}
    </Link>
  ) : (
    <span data-ref-type={event.ref_type}>{name}</span>
  );
}

/** Whether an event points elsewhere than at the customer whose timeline it is on. */
const pointsElsewhere = (event: TimelineEvent, customerId: number) =>
  !!event.ref_type && event.ref_id !== null && !(event.ref_type === 'customer' && event.ref_id === customerId);

/** Whether the event's summary links to its record (one elsewhere that has a page). */
const linked = (event: TimelineEvent, customerId: number) => pointsElsewhere(event, customerId) && refHref(event) !== null;

/** Every touch with the customer, newest first, filtered by kind, a page at a time. */
export function CustomerTimeline({ customerId }: { customerId: number }) {
  const t = useT();
  const [kind, setKind] = useState('');
  const narrow = !Grid.useBreakpoint().md;
  const events = useCursorList(customerKeys.related(customerId, 'timeline', kind), (cursor, signal) =>
    customerApi.timeline(customerId, { kind: kind || undefined, cursor, limit: kPageSize }, signal),
  );

  // Events of one day share a date heading.
  let lastDay = '';
  const items = events.items.map((event, index) => {
    const at = dayjs(event.at);
    const day = at.format('YYYY-MM-DD');
    const newDay = day !== lastDay;
    lastDay = day;
    const color = kTimelineColors[event.kind] ?? '#8c94a3';
    return {
      key: event.id ?? `${event.at}-${index}`,
      icon: <KindIcon kind={event.kind} />,
      title: (
        <div style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
          {newDay && <Typography.Text strong style={{ display: 'block' }}>{day}</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {at.format('HH:mm')}
          </Typography.Text>
        </div>
      ),
      content: (
        <div style={{ paddingBottom: 6 }} data-testid="timeline-event">
          <Flex align="center" gap={8} wrap>
            <Tag color={color} variant="outlined" style={{ marginInlineEnd: 0, color, borderColor: `${color}66`, background: `${color}0d` }}>
              {timelineKindLabel(t, event.kind)}
            </Tag>
            {linked(event, customerId) ? (
              <Link to={refHref(event)!} data-testid="timeline-summary-link">
                {event.summary}
              </Link>
            ) : (
              <Typography.Text>{event.summary}</Typography.Text>
            )}
          </Flex>
          {pointsElsewhere(event, customerId) && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
              {t('customer.timelineRef')}
              <EventRef event={event} />
            </Typography.Text>
          )}
        </div>
      ),
    };
  });

  return (
    <div data-testid="customer-timeline">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 20 }}>
        <Typography.Text type="secondary">{t('customer.timelineFilter')}</Typography.Text>
        <Radio.Group
          size="small"
          optionType="button"
          buttonStyle="solid"
          value={kind}
          onChange={(event) => setKind(event.target.value as string)}
          options={[{ value: '', label: t('common.all') }, ...timelineKindOptions(t)]}
          data-testid="timeline-filter"
        />
      </Flex>
      <ErrorAlert error={events.error} />
      {events.items.length === 0 ? (
        events.loading ? (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin />
          </Flex>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={kind ? t('customer.timelineEmptyKind') : t('customer.timelineEmpty')} />
        )
      ) : (
        // Room in the rail for the round kind icons.
        <ConfigProvider theme={{ components: { Timeline: { dotSize: 28, itemPaddingBottom: 12 } } }}>
          <Timeline mode="start" titleSpan={narrow ? '84px' : '120px'} items={items} style={{ maxWidth: 880 }} />
        </ConfigProvider>
      )}
      {events.items.length > 0 && <CursorListFooter list={events} />}
    </div>
  );
}
