import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { Breadcrumb, Button, Card, Col, Flex, Grid, Row, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { BackLink, RecordFallback, recordPage } from '../../../shared/ui/RecordPage';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { StatusTag } from '../../inventory/components/StatusTag';
import { useBatch, useProjectUnits } from '../queries';
import { deliveryAccess } from '../access';
import { backToBatches } from '../labels';
import { BatchStatusTag } from '../components/Tags';
import type { DeliveryBatch } from '../types';
import { GateChecklist } from '../components/Gates';
import { ReleasePanel } from '../components/Release';
import { InspectionList } from '../components/Inspections';
import { FindingsBoard } from '../components/Findings';
import { SlotCalendar } from '../components/SlotCalendar';
import { InvitationsPanel } from '../components/Invitations';

const natural = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

/** The batch's units by code, each to its page, with its status (交付 once handed over). */
function BatchUnits({ batch }: { batch: DeliveryBatch }) {
  const { byId } = useProjectUnits(batch.project_id);
  const units = useMemo(
    () => (batch.unit_ids ?? []).map((id) => byId.get(id)).filter((unit) => unit !== undefined).sort((a, b) => natural(a.code, b.code)),
    [batch.unit_ids, byId],
  );
  return (
    <Flex wrap gap={6} data-testid="batch-units">
      {units.map((unit) => (
        <Link key={unit.id} to={`/units/${unit.id}`} data-testid={`batch-unit-${unit.code}`}>
          <Flex gap={4} align="center" style={{ border: '1px solid #f0f2f5', borderRadius: 6, padding: '2px 6px' }}>
            <span className="hearth-mono">{unit.code}</span>
            <StatusTag status={unit.status} />
          </Flex>
        </Link>
      ))}
    </Flex>
  );
}

/**
 * A delivery batch: its facts, the gates as a checklist with their days, 放行, the inspections with
 * 新增检查 and 记录问题, its units, 交付排期 (the handover calendar) and the owners' booking links, and
 * the findings board.
 */
function BatchView({ id }: { id: number }) {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const query = useBatch(id);
  const batch = query.data;

  if (!batch) {
    return (
      <RecordFallback
        error={query.error}
        onRetry={() => void query.refetch()}
        notFound={{ title: t('batch.notFoundTitle'), subtitle: t('batch.notFoundSubtitle') }}
        back={backToBatches(t)}
      />
    );
  }

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <BackLink back={backToBatches(t)} testId="back-to-batches" />
        {!narrow && (
          <Breadcrumb
            items={[
              { key: 'batches', title: <Link to="/delivery/batches">{t('nav.deliveryBatches')}</Link> },
              { key: 'batch', title: batch.name },
            ]}
          />
        )}
      </Flex>

      <Card variant="borderless" data-testid="batch-header">
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="batch-name">
            {batch.name}
          </Typography.Title>
          <BatchStatusTag status={batch.status} testId="batch-status" />
          <Link to={`/delivery/report?project_id=${batch.project_id}`} style={{ marginInlineStart: 'auto' }}>
            <Button icon={<FileTextOutlined />} data-testid="batch-report">
              {t('deliveryReport.button')}
            </Button>
          </Link>
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {t('batch.headerMeta', { project: batch.project_name, date: batch.planned_on, count: batch.unit_count })}
        </Typography.Text>
        <FactGrid columns="repeat(auto-fit, minmax(140px, 1fr))">
          <Fact label={t('batch.project')}>
            <Link to={`/projects/${batch.project_id}`}>{batch.project_name}</Link>
          </Fact>
          <Fact label={t('batch.plannedOn')} testId="fact-planned">
            {batch.planned_on}
          </Fact>
          <Fact label={t('batch.unitCount')} testId="fact-units">
            {batch.unit_count}
          </Fact>
          <Fact label={t('batch.deliveredCount')} testId="fact-delivered">
            {batch.delivered_count}
          </Fact>
          <Fact label={t('batch.openFindings')} testId="fact-open">
            {batch.open_findings}
          </Fact>
          <Fact label={t('batch.openBlocking')} testId="fact-blocking">
            <Typography.Text type={batch.open_blocking ? 'danger' : undefined} strong={batch.open_blocking > 0}>
              {batch.open_blocking}
            </Typography.Text>
          </Fact>
        </FactGrid>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <Card variant="borderless" title={t('gate.checklistTitle')}>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 4 }}>
                {t('gate.checklistHint')}
              </Typography.Text>
              <GateChecklist batch={batch} />
            </Card>
            <Card variant="borderless" title={t('release.title')}>
              <ReleasePanel batch={batch} writable={access.work} manager={access.manage} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card variant="borderless">
              <InspectionList batch={batch} writable={access.work} />
            </Card>
            <Card variant="borderless" title={t('batch.unitList')}>
              <BatchUnits batch={batch} />
            </Card>
          </Flex>
        </Col>
      </Row>

      <Card variant="borderless" title={t('slot.title')} data-testid="slot-card">
        <SlotCalendar batch={batch} writable={access.schedule} />
      </Card>
      <Card variant="borderless" title={t('invite.title')} data-testid="invite-card">
        <InvitationsPanel batch={batch} writable={access.schedule} />
      </Card>

      <Card variant="borderless" title={t('finding.boardTitle')} data-testid="finding-board">
        <FindingsBoard batch={batch} writable={access.work} />
      </Card>
    </Flex>
  );
}

/** /delivery/batches/:id */
export default recordPage(BatchView, 'batch.notFoundTitle', backToBatches);
