import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Breadcrumb, Button, Flex, Grid, Layout, Menu, Spin, Tooltip, Typography, type MenuProps } from 'antd';
import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useAuth } from './auth/useAuth';
import { useT } from './i18n/useT';
import { LanguageSwitch } from './i18n/LanguageSwitch';
import { kNavigation, navTrail, visibleNavigation, type NavEntry } from './navigation';
import { HearthLogo } from '../shared/ui/HearthLogo';
import { InitialAvatar } from '../shared/ui/InitialAvatar';
import { NotificationBell } from '../modules/platform/components/NotificationBell';
import { MassAlertBell } from '../modules/service/components/MassAlertBell';
import { ScreenPop, SeatControl } from '../modules/service/callDesk';
import { takesCalls } from '../modules/service/access';
import type { Translate } from './i18n/i18nContext';

const { Header, Sider, Content, Footer } = Layout;

/** A thin upright line between the header's groups, as antd's vertical Divider draws it (not otherwise on the first screen). */
function HeaderDivider() {
  return <span aria-hidden style={{ width: 1, height: '0.9em', margin: '0 8px', background: 'rgba(5, 5, 5, 0.06)', flex: 'none' }} />;
}

function toMenuItems(entries: readonly NavEntry[], t: Translate): MenuProps['items'] {
  return entries.map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    label: t(entry.label),
    children: entry.children ? toMenuItems(entry.children, t) : undefined,
  }));
}

/** The signed-in frame: menu on the left, user and language in the header, the page in the middle. */
export function AppLayout() {
  const { me, logout } = useAuth();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  // Below 768 px (a phone) the menu is hidden until the header's button opens it over the page,
  // and the header keeps only its icons.
  const narrow = !Grid.useBreakpoint().md;
  const [collapsed, setCollapsed] = useState(false);

  const entries = useMemo(() => visibleNavigation(kNavigation, me), [me]);
  const trail = navTrail(entries, location.pathname);
  const groupKeys = entries.filter((entry) => entry.children).map((entry) => entry.key);
  // Every group starts open, also those that appear once the user's roles have loaded; the state
  // keeps only the groups the user folded.
  const [foldedKeys, setFoldedKeys] = useState<string[]>([]);
  const openKeys = groupKeys.filter((key) => !foldedKeys.includes(key));

  const displayName = me?.display_name || me?.username || '';
  const callTaker = takesCalls(me);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {callTaker && me && (
        <Suspense fallback={null}>
          <ScreenPop userId={me.id} />
        </Suspense>
      )}
      <Sider
        className="hearth-no-print"
        width={224}
        collapsedWidth={narrow ? 0 : 64}
        collapsible
        collapsed={collapsed}
        trigger={null}
        breakpoint="lg"
        onBreakpoint={(broken) => setCollapsed(broken)}
        style={narrow && !collapsed ? { position: 'fixed', insetBlock: 0, left: 0, zIndex: 30, overflowY: 'auto' } : undefined}
      >
        {/* The sider stretches with the page; its content stays in view while the page scrolls. */}
        <div style={{ position: 'sticky', top: 0, maxHeight: '100vh', overflowY: 'auto' }}>
          <Flex
            align="center"
            gap={10}
            style={{ height: 64, padding: collapsed ? '0 16px' : '0 20px', borderBottom: '1px solid rgba(255,255,255,0.08)' }}
          >
            <HearthLogo size={32} />
            {!collapsed && (
              <div style={{ lineHeight: 1.2, whiteSpace: 'nowrap' }}>
                <div style={{ color: '#fff', fontWeight: 600, fontSize: 17, letterSpacing: 0.3 }}>{t('app.name')}</div>
                <div style={{ color: 'rgba(255,255,255,0.55)', fontSize: 12 }}>{t('app.shortSubtitle')}</div>
              </div>
            )}
          </Flex>
          <Menu
            theme="dark"
            mode="inline"
            items={toMenuItems(entries, t)}
            selectedKeys={trail.length ? [trail[trail.length - 1].key] : []}
            openKeys={collapsed ? undefined : openKeys}
            // Collapsing the sider (button or narrow window) closes every submenu; keep the open ones
            // for when it expands again.
            onOpenChange={(keys) => {
              if (!collapsed) setFoldedKeys(groupKeys.filter((key) => !(keys as string[]).includes(key)));
            }}
            onClick={({ key }) => {
              navigate(key);
              if (narrow) setCollapsed(true);
            }}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
          />
        </div>
      </Sider>
      <Layout>
        <Header
          className="hearth-no-print"
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: narrow ? 4 : 12,
            paddingInline: narrow ? 8 : undefined,
            borderBottom: '1px solid #e8ebf0',
            boxShadow: '0 1px 4px rgba(15, 31, 61, 0.06)',
          }}
        >
          <Tooltip title={collapsed ? t('header.expand') : t('header.collapse')}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!collapsed)}
            />
          </Tooltip>
          {!narrow && <Breadcrumb items={trail.map((entry) => ({ key: entry.key, title: t(entry.label) }))} />}
          <Flex align="center" gap={4} style={{ marginLeft: 'auto' }}>
            {callTaker && (
              <Suspense fallback={null}>
                <SeatControl compact={narrow} />
              </Suspense>
            )}
            <MassAlertBell />
            <NotificationBell />
            <LanguageSwitch compact={narrow} />
            {!narrow && <HeaderDivider />}
            <Flex align="center" gap={10} data-testid="current-user">
              <InitialAvatar name={displayName} />
              {!narrow && (
                <div style={{ lineHeight: 1.25 }}>
                  <Typography.Text strong style={{ display: 'block' }}>
                    {displayName}
                  </Typography.Text>
                  {me?.org_unit && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {me.org_unit.name}
                    </Typography.Text>
                  )}
                </div>
              )}
            </Flex>
            {!narrow && <HeaderDivider />}
            <Tooltip title={narrow ? t('header.logout') : undefined}>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                data-testid="logout"
                aria-label={t('header.logout')}
                onClick={async () => {
                  await logout();
                  navigate('/login', { replace: true });
                }}
              >
                {narrow ? null : t('header.logout')}
              </Button>
            </Tooltip>
          </Flex>
        </Header>
        <Content className="hearth-print-content" style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Suspense
            fallback={
              <Flex justify="center" style={{ padding: 80 }}>
                <Spin />
              </Flex>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
        <Footer className="hearth-no-print" style={{ textAlign: 'center', color: '#8c94a3', fontSize: 12, padding: '12px 24px 20px' }}>
          {t('app.footer')}
        </Footer>
      </Layout>
    </Layout>
  );
}
