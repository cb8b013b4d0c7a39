import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { Avatar, Card, Col, Descriptions, Flex, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { ApartmentOutlined, AuditOutlined, RightOutlined, TeamOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth/useAuth';
import { useT } from '../../../app/i18n/useT';
import { hasAnyRole, kAdminRoles } from '../../../app/auth/authContext';
import type { MessageKey } from '../../../app/i18n/messages';
import { orgUnitApi, userApi } from '../api';
import { kindLabel, kKindColors, kRoleColors, roleLabel } from '../labels';
import type { OrgUnitKind } from '../types';
import { homeFigures, type HomeFigure } from '../extensionPoints';
import { homeKeys } from '../queries';

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
    <Card variant="borderless" style={{ height: '100%' }} hoverable={!!to} onClick={to ? () => navigate(to) : undefined}>
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
    </Card>
  );
}

export function HomePage() {
  const t = useT();
  const { me } = useAuth();
  const navigate = useNavigate();
  const orgUnits = useFigure('org-units', loadOrgUnitCount);
  const users = useFigure('users', loadUserCount);
  if (!me) return null;

  const name = me.display_name || me.username;
  const isAdmin = hasAnyRole(me, kAdminRoles);
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
  const shortcuts: { path: string; label: MessageKey; icon: ReactNode }[] = [
    { path: '/admin/org-units', label: 'nav.orgUnits', icon: <ApartmentOutlined /> },
    { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined /> },
    { path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined /> },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card variant="borderless" data-testid="welcome-card">
        <Flex gap={20} align="flex-start" wrap>
          <Avatar size={64} style={{ backgroundColor: '#1f4fd1', fontSize: 28, flex: 'none' }}>
            {name.slice(0, 1).toUpperCase()}
          </Avatar>
          <div style={{ flex: 1, minWidth: 280 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('home.welcome', { name })}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 16px' }}>
              {t('home.intro')}
            </Typography.Paragraph>
            <Descriptions column={{ xs: 1, md: 3 }} size="small">
              <Descriptions.Item label={t('home.username')}>{me.username}</Descriptions.Item>
              <Descriptions.Item label={t('home.roles')}>
                <Flex gap={4} wrap>
                  {me.roles.map((role) => (
                    <Tag key={role} color={kRoleColors[role]} style={{ marginInlineEnd: 0 }}>
                      {roleLabel(t, role)}
                    </Tag>
                  ))}
                </Flex>
              </Descriptions.Item>
              <Descriptions.Item label={t('home.orgUnit')}>
                {me.org_unit ? (
                  <Space size={6}>
                    {me.org_unit.name}
                    <Tag color={kKindColors[me.org_unit.kind as OrgUnitKind]}>{kindLabel(t, me.org_unit.kind)}</Tag>
                  </Space>
                ) : (
                  t('common.none')
                )}
              </Descriptions.Item>
            </Descriptions>
          </div>
        </Flex>
      </Card>

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

      {isAdmin && (
        <>
          <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
            {t('home.quickLinks')}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {shortcuts.map((shortcut) => (
              <Col key={shortcut.path} xs={24} md={8}>
                <Card hoverable variant="borderless" onClick={() => navigate(shortcut.path)}>
                  <Flex align="center" justify="space-between">
                    <Space size={12}>
                      <span style={{ color: '#1f4fd1', fontSize: 18 }}>{shortcut.icon}</span>
                      <Typography.Text strong>{t(shortcut.label)}</Typography.Text>
                    </Space>
                    <RightOutlined style={{ color: '#8c94a3' }} />
                  </Flex>
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
    </Space>
  );
}
