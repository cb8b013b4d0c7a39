import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { Col, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { orgUnitApi, userApi } from '../api';
import { homeFigures, type HomeFigure } from '../extensionPoints';
import { homeKeys } from '../queries';
import { LightCard } from '../../../shared/ui/LightCard';

interface Figure {
  count: number;
  truncated: boolean;
}

type FigureState = { state: 'loading' } | { state: 'ready'; figure: Figure } | { state: 'unavailable' };

/** A count for the home page; a failure shows as unavailable (the caller may lack the permission). */
function useFigure(key: string, load: (signal: AbortSignal) => Promise<Figure>): FigureState {
  const query = useQuery({
    queryKey: homeKeys.figure(key),
    queryFn: ({ signal }) =>
      load(signal).catch((err: unknown) => {
        console.warn('home figure unavailable', err);
        throw err;
      }),
  });
  if (query.data) return { state: 'ready', figure: query.data };
  return query.isError ? { state: 'unavailable' } : { state: 'loading' };
}

const loadOrgUnitCount = async (signal: AbortSignal) => {
  const { items, truncated } = await orgUnitApi.listAll(signal);
  return { count: items.length, truncated };
};
const loadUserCount = (signal: AbortSignal) => userApi.countAll(signal);

interface FigureCardProps {
  title: string;
  icon: ReactNode;
  color: string;
  value: FigureState;
  suffix: string;
  testId: string;
  /** Where a click on the card leads. */
  to?: string;
}

/** A figure another module adds (`homeFigures`), read like the page's own. */
function ExtraFigure({ figure }: { figure: HomeFigure }) {
  const t = useT();
  const value = useFigure(figure.key, figure.load);
  return (
    <FigureCard title={t(figure.title)} icon={figure.icon} color={figure.color} value={value} suffix={t(figure.suffix)} testId={figure.testId} to={figure.to} />
  );
}

function FigureCard({ title, icon, color, value, suffix, testId, to }: FigureCardProps) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <LightCard style={{ height: '100%' }} hoverable={!!to} onClick={to ? () => navigate(to) : undefined}>
      <Flex align="center" gap={16}>
        <Flex
          align="center"
          justify="center"
          style={{ width: 48, height: 48, borderRadius: 10, background: `${color}14`, color, fontSize: 22 }}
        >
          {icon}
        </Flex>
        <div data-testid={testId}>
          {value.state === 'loading' && <Skeleton.Input active size="small" />}
          {value.state === 'ready' && (
            <Statistic
              title={title}
              value={value.figure.count}
              suffix={
                <span style={{ fontSize: 14 }}>
                  {suffix}
                  {value.figure.truncated ? '+' : ''}
                </span>
              }
            />
          )}
          {value.state === 'unavailable' && (
            <Statistic title={title} value="—" suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('home.figuresUnavailable')}</Typography.Text>} />
          )}
        </div>
      </Flex>
    </LightCard>
  );
}

/**
 * 平台概况: org units, users, then the figures other modules add (`homeFigures`). For the
 * administrator and users no home section is for: a chunk of its own (with antd's Statistic), which
 * an agent's or a manager's first screen does not load.
 */
export function HomeOverview() {
  const t = useT();
  const orgUnits = useFigure('org-units', loadOrgUnitCount);
  const users = useFigure('users', loadUserCount);
  const figures: FigureCardProps[] = [
    {
      title: t('home.orgUnitCount'),
      icon: <ApartmentOutlined />,
      color: '#1f4fd1',
      value: orgUnits,
      suffix: t('home.unitSuffix'),
      testId: 'figure-org-units',
    },
    {
      title: t('home.userCount'),
      icon: <TeamOutlined />,
      color: '#13a8a8',
      value: users,
      suffix: t('home.userSuffix'),
      testId: 'figure-users',
    },
  ];
  return (
    <>
      <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
        {t('home.overview')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {figures.map((figure) => (
          <Col key={figure.testId} xs={24} md={12} xl={8}>
            <FigureCard {...figure} />
          </Col>
        ))}
        {homeFigures.entries().map((figure) => (
          <Col key={figure.testId} xs={24} md={12} xl={8}>
            <ExtraFigure figure={figure} />
          </Col>
        ))}
      </Row>
    </>
  );
}
