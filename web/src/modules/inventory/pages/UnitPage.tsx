import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Breadcrumb, Button, Card, Col, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { inventoryApi } from '../api';
import { inventoryAccess } from '../access';
import { buildingLabel, decorationLabel, formatArea, formatUnitPrice, formatYuan } from '../labels';
import type { Project, UnitWithOwners } from '../types';
import { Fact, FactGrid } from '../components/Fact';
import { StatusTag } from '../components/StatusTag';
import { UnitStatusPanel } from '../components/UnitStatusPanel';
import { UnitOwners } from '../components/UnitOwners';
import { UnitHistory } from '../components/UnitHistory';

type LoadState = { state: 'loading' } | { state: 'ready' } | { state: 'missing' } | { state: 'failed'; error: unknown };

/** A unit (房号): its facts, its place in the sales pipeline, its owners and its history. */
function UnitView({ id }: { id: number }) {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useAuth();
  const access = inventoryAccess(me);
  const [unit, setUnit] = useState<UnitWithOwners | null>(null);
  const [project, setProject] = useState<Project | null>(null);
  const [load, setLoad] = useState<LoadState>({ state: 'loading' });
  const [historyKey, setHistoryKey] = useState(0);

  const fetchUnit = useCallback(async () => {
    try {
      const found = await inventoryApi.getUnit(id);
      setUnit(found);
      setLoad({ state: 'ready' });
      inventoryApi.getProject(found.project_id).then(setProject, () => setProject(null));
    } catch (err) {
      setLoad(err instanceof ApiError && err.status === 404 ? { state: 'missing' } : { state: 'failed', error: err });
    }
  }, [id]);

  useEffect(() => {
    void fetchUnit();
  }, [fetchUnit]);

  const [ownersKey, setOwnersKey] = useState(0);
  const changed = useCallback((next: UnitWithOwners) => {
    setUnit(next);
    setHistoryKey((key) => key + 1);
  }, []);
  const ownersChanged = useCallback(
    (next: UnitWithOwners) => {
      changed(next);
      setOwnersKey((key) => key + 1);
    },
    [changed],
  );

  if (load.state === 'missing') {
    return (
      <Result
        status="404"
        title={t('unit.notFoundTitle')}
        subTitle={t('unit.notFoundSubtitle')}
        extra={
          <Button type="primary" onClick={() => navigate('/projects')}>
            {t('project.backToList')}
          </Button>
        }
      />
    );
  }
  if (load.state === 'failed') {
    return <Result status="warning" title={errorMessage(t, load.error)} extra={<Button onClick={() => void fetchUnit()}>{t('common.retry')}</Button>} />;
  }
  if (!unit) {
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 5 }} />
      </Card>
    );
  }

  const boardLink = `/projects/${unit.project_id}?building=${encodeURIComponent(unit.building)}`;
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(boardLink)} style={{ padding: 0, height: 'auto' }} data-testid="back-to-board">
          {t('unit.backToBoard')}
        </Button>
        <Breadcrumb
          items={[
            { key: 'projects', title: <Link to="/projects">{t('nav.projects')}</Link> },
            { key: 'project', title: <Link to={`/projects/${unit.project_id}`}>{project?.name ?? `#${unit.project_id}`}</Link> },
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
          <Tag style={{ marginInlineEnd: 0 }}>{decorationLabel(t, unit.decoration)}</Tag>
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {t('unit.headerMeta', {
            project: project?.name ?? `#${unit.project_id}`,
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
        <UnitStatusPanel unit={unit} canWrite={access.write} resetKey={ownersKey} onChanged={changed} />
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
            <UnitHistory unitId={unit.id} refreshKey={historyKey} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

/** /units/:id — a fresh view per id. */
export default function UnitPage() {
  const { id } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const numeric = Number(id);
  if (!Number.isInteger(numeric) || numeric <= 0) {
    return (
      <Result status="404" title={t('unit.notFoundTitle')} extra={<Button onClick={() => navigate('/projects')}>{t('project.backToList')}</Button>} />
    );
  }
  return <UnitView key={numeric} id={numeric} />;
}
