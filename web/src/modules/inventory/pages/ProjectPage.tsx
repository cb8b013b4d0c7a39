import { useCallback, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Result, Spin, Tabs, Tooltip, Typography } from 'antd';
import { AppstoreAddOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { BackLink, RecordFallback, recordPage } from '../../../shared/ui/RecordPage';
import { projectLinks } from '../extensionPoints';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useOrgUnits } from '../../platform/useOrgUnits';
import { orgPath } from '../../platform/orgTree';
import { inventoryAccess } from '../access';
import { backToProjects, buildingLabel } from '../labels';
import { kBoardPollMs, useBoard } from '../useBoard';
import { projectKeys } from '../queries';
import { BoardLegend, SalesBoard } from '../components/SalesBoard';
import { BulkUnitsModal } from '../components/BulkUnitsModal';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import type { BoardUnit, UnitStatus } from '../types';

/** A guess at the next building to generate: one past the highest numbered building, or "1". */
function nextBuilding(buildings: string[]): string | undefined {
  if (buildings.length === 0) return '1';
  const numbers = buildings.filter((b) => /^\d+$/.test(b)).map(Number);
  return numbers.length === buildings.length ? String(Math.max(...numbers) + 1) : undefined;
}

/** "实时" with a green dot: the board follows changes by itself. */
function LiveIndicator({ changedAt, failing }: { changedAt: number | null; failing: boolean }) {
  const t = useT();
  return (
    <Tooltip title={t('board.liveTooltip', { seconds: kBoardPollMs / 1000 })}>
      <Flex align="center" gap={6} data-testid="board-live" style={{ fontSize: 12, color: '#6b7280', whiteSpace: 'nowrap' }}>
        <span
          style={{
            width: 8,
            height: 8,
            borderRadius: 4,
            background: failing ? '#faad14' : '#52c41a',
            boxShadow: failing ? 'none' : '0 0 0 3px rgba(82,196,26,0.18)',
          }}
        />
        {failing ? t('board.liveFailing') : t('board.live')}
        {changedAt !== null && <span>{t('board.changedAt', { time: dayjs(changedAt).format('HH:mm:ss') })}</span>}
      </Flex>
    </Tooltip>
  );
}

/** /projects/:id — the project's facts and the sales-control board (销控表) of one building at a time. */
function ProjectView({ id }: { id: number }) {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useAuth();
  const access = inventoryAccess(me);
  const orgUnits = useOrgUnits();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('building') || undefined;
  const live = useBoard(id, chosen);
  const [highlight, setHighlight] = useState<UnitStatus | null>(null);
  const { modal, openModal, closeModal } = useModalTarget<'bulk'>();
  const queryClient = useQueryClient();
  const board = live.board;

  const choose = useCallback(
    (building: string | undefined) => {
      setHighlight(null);
      setParams(building ? { building } : {}, { replace: true });
    },
    [setParams],
  );
  const open = useCallback((unit: BoardUnit) => navigate(`/units/${unit.id}`), [navigate]);

  const error = live.error;
  if (!board) {
    if (error instanceof ApiError && error.fields.building === 'not_found') {
      return (
        <Result
          status="warning"
          title={t('board.noSuchBuilding', { building: chosen ?? '' })}
          extra={<Button onClick={() => choose(undefined)}>{t('board.firstBuilding')}</Button>}
        />
      );
    }
    return (
      <RecordFallback
        error={error}
        onRetry={() => void live.reload()}
        notFound={{ title: t('project.notFoundTitle'), subtitle: t('project.notFoundSubtitle') }}
        back={backToProjects(t)}
        skeleton={{ paragraph: { rows: 6 } }}
      />
    );
  }

  const project = board.project;
  const unitName = orgUnits.byId.get(project.org_unit_id)?.name ?? t('user.unknownOrgUnit', { id: project.org_unit_id });
  const unitCount = board.floors.reduce((sum, floor) => sum + floor.units.length, 0);
  const hasUnits = board.buildings.length > 0;
  const switching = live.loading || (chosen !== undefined && chosen !== board.building);

  const bulkButton = access.manage && (
    <Button type="primary" icon={<AppstoreAddOutlined />} onClick={() => openModal('bulk')} data-testid="bulk-units">
      {t('bulk.open')}
    </Button>
  );

  return (
    <Flex vertical gap={16}>
      <BackLink back={backToProjects(t)} style={{ alignSelf: 'flex-start' }} />

      <Card variant="borderless" data-testid="project-header">
        <Flex gap={16} align="flex-start" wrap>
          <div style={{ flex: 1, minWidth: 320 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="project-name">
              {project.name}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {t('project.headerMeta', { id: project.id, created: formatDateTime(project.created_at).slice(0, 10) })}
            </Typography.Text>
          </div>
          <Flex gap={8} wrap style={{ marginLeft: 'auto' }}>
            {projectLinks.entries().map((link) => (
              <Link key={link.key} to={link.href(project.id)} data-testid={`project-link-${link.key}`}>
                <Button>{t(link.label)}</Button>
              </Link>
            ))}
            {bulkButton}
          </Flex>
        </Flex>
        <FactGrid columns="minmax(90px, 0.7fr) minmax(200px, 2fr) minmax(140px, 1fr) minmax(110px, 0.8fr) minmax(90px, 0.7fr)">
          <Fact label={t('project.city')}>{project.city || '—'}</Fact>
          <Fact label={t('project.address')}>{project.address || '—'}</Fact>
          <Fact label={t('project.orgUnit')}>
            <Tooltip title={orgPath(orgUnits.byId, project.org_unit_id)}>
              <span>{unitName}</span>
            </Tooltip>
          </Fact>
          <Fact label={t('project.completionDate')} testId="fact-completion">
            {project.completion_date || t('project.notCompleted')}
          </Fact>
          <Fact label={t('project.buildingCount')}>{t('project.buildingCountValue', { count: board.buildings.length })}</Fact>
        </FactGrid>
      </Card>

      <Card variant="borderless" styles={{ body: { paddingTop: hasUnits ? 4 : 24 } }} data-testid="board-card">
        {!hasUnits ? (
          <Empty description={t('board.emptyProject')} data-testid="board-empty">
            {bulkButton}
          </Empty>
        ) : (
          <>
            <Tabs
              activeKey={chosen ?? board.building}
              onChange={(key) => choose(key)}
              items={board.buildings.map((building) => ({ key: building, label: buildingLabel(t, building) }))}
              tabBarExtraContent={
                <Flex align="center" gap={12}>
                  <LiveIndicator changedAt={live.changedAt} failing={!!error} />
                  <Tooltip title={t('common.refresh')}>
                    <Button size="small" type="text" icon={<ReloadOutlined />} onClick={() => void live.reload()} aria-label={t('common.refresh')} />
                  </Tooltip>
                </Flex>
              }
              data-testid="building-tabs"
            />
            {!!error && <Alert type="warning" showIcon title={errorMessage(t, error)} style={{ marginBottom: 12 }} />}
            <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
              <BoardLegend counts={board.counts} highlight={highlight} onHighlight={setHighlight} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('board.hint', { building: buildingLabel(t, board.building), count: unitCount })}
              </Typography.Text>
            </Flex>
            <Spin spinning={switching}>
              <SalesBoard board={board} highlight={highlight} onOpen={open} />
            </Spin>
          </>
        )}
      </Card>

      {modal && (
        <BulkUnitsModal
          key={modal.key}
          project={project}
          building={nextBuilding(board.buildings)}
          onClose={closeModal}
          onSaved={(building) => {
            // Every board of the project reads again (the one shown at once); a new building is shown.
            void queryClient.invalidateQueries({ queryKey: projectKeys.boards(project.id) });
            if (building !== board.building) choose(building);
          }}
        />
      )}
    </Flex>
  );
}

/** /projects/:id */
export default recordPage(ProjectView, 'project.notFoundTitle', backToProjects);
