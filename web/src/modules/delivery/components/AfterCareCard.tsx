// A project's care of its owners after delivery, as a card: the units delivered in the last six
// months, the call-back coverage toward 100%, and the home visits toward their target.
import type { ReactNode } from 'react';
import { Button, Card, Col, Flex, Progress, Row, Tag, Tooltip, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import type { AfterDelivery, AfterDeliveryCounts } from '../types';

const kTag = { marginInlineEnd: 0 };
/** Reached green, under way blue, with something overdue orange. */
const barColor = (percent: number, overdue: boolean) => (percent >= 100 ? '#52c41a' : overdue ? '#fa8c16' : '#1f4fd1');

/** A touch's open tasks of the delivered units: 待办 (not yet late) and 逾期 (open past the 7 days' grace), only those there are. */
function OpenCounts({ counts, testId }: { counts: AfterDeliveryCounts; testId: string }) {
  const t = useT();
  return (
    <>
      {counts.overdue > 0 && (
        <Tag color="red" style={kTag} data-testid={`${testId}-overdue`} data-count={counts.overdue}>
          {t('afterCare.overdue', { count: counts.overdue })}
        </Tag>
      )}
      {counts.open > 0 && (
        <Tag color="gold" style={kTag} data-testid={`${testId}-open`} data-count={counts.open}>
          {t('afterCare.open', { count: counts.open })}
        </Tag>
      )}
      {counts.done_late > 0 && (
        <Tag color="orange" style={kTag} data-testid={`${testId}-late`} data-count={counts.done_late}>
          {t('afterCare.doneLate', { count: counts.done_late })}
        </Tag>
      )}
    </>
  );
}

/** One of the two measures: its name and rule, a bar, the figure in words, and its marks. */
function Measure({ title, rule, percent, color, figure, marks, testId }: { title: string; rule: string; percent: number; color: string; figure: ReactNode; marks: ReactNode; testId: string }) {
  return (
    <div data-testid={testId}>
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text strong>{title}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {rule}
        </Typography.Text>
      </Flex>
      <Progress percent={Math.round(percent)} format={(value) => `${value}%`} strokeColor={color} style={{ margin: '4px 0' }} data-testid={`${testId}-bar`} />
      <div data-testid={`${testId}-figure`}>{figure}</div>
      <Flex gap={6} wrap align="center" style={{ marginTop: 6 }}>
        {marks}
      </Flex>
    </div>
  );
}

/**
 * A project's after-delivery card: 近六个月交付 N 户 (since the day), 电话回访 as coverage of every
 * delivered unit (已回访 N / M 户, with the overdue ones and those whose task is not made yet), and
 * 入户拜访 toward the target (已入户 N / 目标 M 户, 截止 the day, 达标 or 未达标). `onShowQueue`, when
 * given, offers the project's queues.
 */
export function AfterCareCard({ care, onShowQueue }: { care: AfterDelivery; onShowQueue?: () => void }) {
  const t = useT();
  const { callback, home_visit: visit } = care;
  const id = care.project_id;
  const title = (
    <Flex vertical style={{ padding: '8px 0', minWidth: 0 }}>
      <Typography.Text strong ellipsis style={{ fontSize: 15 }} data-testid={`care-project-${id}`}>
        {care.project_name}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }} data-testid={`care-delivered-${id}`} data-count={care.delivered_units}>
        {t('afterCare.delivered', { count: care.delivered_units, date: care.since })}
      </Typography.Text>
    </Flex>
  );
  const extra = onShowQueue && (
    <Button size="small" onClick={onShowQueue} data-testid={`care-show-${id}`}>
      {t('afterCare.showQueue')}
    </Button>
  );
  if (care.delivered_units === 0) {
    return (
      <Card size="small" title={title} extra={extra} data-testid={`care-card-${id}`}>
        <Typography.Text type="secondary">{t('afterCare.projectNoDeliveries')}</Typography.Text>
      </Card>
    );
  }
  const visitPercent = visit.target > 0 ? Math.min(100, (visit.visited / visit.target) * 100) : 100;
  return (
    <Card size="small" title={title} extra={extra} style={{ height: '100%' }} data-testid={`care-card-${id}`}>
      <Row gutter={[24, 16]}>
        <Col xs={24} md={12}>
          <Measure
            title={t('afterCare.callback')}
            rule={t('afterCare.callbackRule')}
            percent={callback.coverage * 100}
            color={barColor(callback.coverage * 100, callback.tasks.overdue > 0)}
            figure={t('afterCare.called', { covered: callback.covered, total: care.delivered_units })}
            testId={`care-callback-${id}`}
            marks={
              <>
                <OpenCounts counts={callback.tasks} testId={`care-callback-${id}`} />
                {callback.not_made > 0 && (
                  <Tooltip title={t('afterCare.notMadeHint')}>
                    <Tag style={kTag} data-testid={`care-callback-${id}-not-made`} data-count={callback.not_made}>
                      {t('afterCare.notMade', { count: callback.not_made })}
                    </Tag>
                  </Tooltip>
                )}
              </>
            }
          />
        </Col>
        <Col xs={24} md={12}>
          <Measure
            title={t('afterCare.visit')}
            rule={t('afterCare.visitRule')}
            percent={visitPercent}
            color={barColor(visitPercent, visit.tasks.overdue > 0)}
            figure={
              <Flex gap={8} wrap align="baseline">
                <span>{t('afterCare.visited', { visited: visit.visited, target: visit.target })}</span>
                {visit.due_by && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`care-visit-${id}-due`}>
                    {t('afterCare.dueBy', { date: visit.due_by })}
                  </Typography.Text>
                )}
              </Flex>
            }
            testId={`care-visit-${id}`}
            marks={
              <>
                <Tag color={visit.met ? 'green' : 'orange'} style={kTag} data-testid={`care-visit-${id}-met`} data-met={visit.met}>
                  {visit.met ? t('afterCare.met') : t('afterCare.notMet')}
                </Tag>
                <OpenCounts counts={visit.tasks} testId={`care-visit-${id}`} />
              </>
            }
          />
        </Col>
      </Row>
    </Card>
  );
}
