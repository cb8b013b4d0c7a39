import { Suspense, useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Card, Col, Flex, Row, Spin, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { BackLink, RecordFallback, recordPage } from '../../../shared/ui/RecordPage';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { inventoryApi } from '../api';
import { projectKeys, unitChanged, unitKeys } from '../queries';
import { inventoryAccess } from '../access';
import { backToProjects, buildingLabel, decorationLabel, formatArea, formatUnitPrice, formatYuan } from '../labels';
import type { UnitWithOwners } from '../types';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { StatusTag } from '../components/StatusTag';
import { UnitStatusPanel } from '../components/UnitStatusPanel';
import { UnitOwners } from '../components/UnitOwners';
import { UnitHistory } from '../components/UnitHistory';
import { unitSections } from '../extensionPoints';


/**
 * A unit (房号): its facts, its place in the sales pipeline, its owners and its history; then what
 * other modules add (`unitSections`: sales' 价格历史).
 */
function UnitView({ id }: { id: number }) {
  const t = useT();
  const { me } = useAuth();
  const access = inventoryAccess(me);
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: unitKeys.detail(id), queryFn: ({ signal }) => inventoryApi.getUnit(id, signal) });
  const unit = query.data;
  const projectId = unit?.project_id;
  const project = useQuery({
    queryKey: projectKeys.detail(projectId ?? 0),
    queryFn: ({ signal }) => inventoryApi.getProject(projectId!, signal),
    enabled: projectId !== undefined,
  }).data;

  // Changes when the owners change, which makes an old failure of a status move moot.
  const [ownersKey, setOwnersKey] = useState(0);
  const changed = useCallback((next: UnitWithOwners) => unitChanged(queryClient, next), [queryClient]);
  const ownersChanged = useCallback(
    (next: UnitWithOwners) => {
      changed(next);
      setOwnersKey((key) => key + 1);
    },
    [changed],
  );

  if (!unit) {
    return (
      <RecordFallback
        error={query.error}
        onRetry={() => void query.refetch()}
        notFound={{ title: t('unit.notFoundTitle'), subtitle: t('unit.notFoundSubtitle') }}
        back={backToProjects(t)}
      />
    );
  }

  const boardLink = `/projects/${unit.project_id}?building=${encodeURIComponent(unit.building)}`;
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <BackLink back={{ path: boardLink, label: t('unit.backToBoard') }} testId="back-to-board" />
        <Breadcrumb
          items={[
            { key: 'projects', title: <Link to="/projects">{t('nav.projects')}</Link> },
            { key: 'project', title: <Link to={`/projects/${unit.project_id}`}>{project?.name ?? t('inventory.project')}</Link> },
            { key: 'building', title: <Link to={boardLink}>{buildingLabel(t, unit.building)}</Link> },
            { key: 'unit', title: unit.code },
          ]}
        />
      </Flex>

      <Card variant="borderless" data-testid="unit-header">
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="unit-code">
            {unit.code}
          </Typography.Title>
          <StatusTag status={unit.status} testId="unit-status" />
          {unit.delivered_on && (
            <Typography.Text type="secondary" data-testid="unit-delivered-on">
              {t('unit.deliveredOn', { date: unit.delivered_on })}
            </Typography.Text>
          )}
          <Tag style={{ marginInlineEnd: 0 }}>{decorationLabel(t, unit.decoration)}</Tag>
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {t('unit.headerMeta', {
            project: project?.name ?? t('inventory.project'),
            building: buildingLabel(t, unit.building),
            entrance: unit.entrance,
            floor: unit.floor,
          })}
        </Typography.Text>
        <FactGrid columns="repeat(auto-fit, minmax(120px, 1fr))">
          <Fact label={t('inventory.room')}>{unit.room}</Fact>
          <Fact label={t('inventory.floor')}>{t('inventory.floorName', { floor: unit.floor })}</Fact>
          <Fact label={t('inventory.layout')} testId="fact-layout">
            {unit.layout || '—'}
          </Fact>
          <Fact label={t('inventory.area')} testId="fact-area">
            {formatArea(unit.area_m2)}
          </Fact>
          <Fact label={t('inventory.listPrice')} testId="fact-price">
            <Typography.Text strong>{formatYuan(unit.list_price_cents)}</Typography.Text>
          </Fact>
          <Fact label={t('inventory.unitPrice')}>
            {unit.list_price_cents ? `${formatUnitPrice(unit.list_price_cents, unit.area_m2)}/m²` : '—'}
          </Fact>
          <Fact label={t('inventory.decoration')} testId="fact-decoration">
            {decorationLabel(t, unit.decoration)}
          </Fact>
          <Fact label={t('inventory.phase')}>{unit.phase || '—'}</Fact>
        </FactGrid>
      </Card>

      <Card variant="borderless" title={t('unit.statusTitle')}>
        <UnitStatusPanel unit={unit} canWrite={access.correctStatus} byDeals={access.write && !access.correctStatus} resetKey={ownersKey} onChanged={changed} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card variant="borderless" title={t('unit.ownersTitle')} style={{ height: '100%' }}>
            <UnitOwners unit={unit} canWrite={access.write} onChanged={ownersChanged} />
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card
            variant="borderless"
            title={t('unit.historyTitle')}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('unit.updatedAt', { at: formatDateTime(unit.updated_at) })}
              </Typography.Text>
            }
            style={{ height: '100%' }}
          >
            <UnitHistory unitId={unit.id} />
          </Card>
        </Col>
      </Row>

      {unitSections.entries().map((section) => (
        <Card key={section.key} variant="borderless" title={t(section.title)} data-testid={`unit-section-${section.key}`}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '16px auto' }} />}>
            <section.component unitId={unit.id} />
          </Suspense>
        </Card>
      ))}
    </Flex>
  );
}

/** /units/:id */
export default recordPage(UnitView, 'unit.notFoundTitle', backToProjects);
