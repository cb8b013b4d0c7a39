import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Flex, Skeleton, Tag, Typography } from 'antd';
import { ApartmentOutlined, AuditOutlined, RightOutlined, TeamOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth/useAuth';
import { useT } from '../../../app/i18n/useT';
import { loadMessages } from '../../../app/i18n/i18nContext';
import { hasAnyRole, kAdminRoles } from '../../../app/auth/authContext';
import type { MessageKey } from '../../../app/i18n/messages';
import { kindLabel, kKindColors, kRoleColors, roleLabel } from '../labels';
import type { OrgUnitKind } from '../types';
import { homeSections } from '../extensionPoints';
import { Fact } from '../../../shared/ui/Fact';
import { LightCard } from '../../../shared/ui/LightCard';
import { InitialAvatar } from '../../../shared/ui/InitialAvatar';

// The overview (平台概况) is for the administrator and users no section is for: loaded when shown.
const HomeOverview = lazy(() => import('../components/HomeOverview').then((m) => ({ default: m.HomeOverview })));

/**
 * The home page: the greeting, then what the user's roles work with (`homeSections`: the service
 * desk's work list for agents and managers); the platform's overview (org units, users and the
 * modules' figures) for the administrator and for users no section is for; shortcuts for the
 * administration roles.
 */
export function HomePage() {
  const t = useT();
  const { me } = useAuth();
  const navigate = useNavigate();
  // The first screen carries the frame's and the home page's words only; the other pages' follow
  // once it is shown, so that the next page opens without waiting for them.
  useEffect(() => {
    const later = window.setTimeout(() => void loadMessages().catch(() => undefined), 1000);
    return () => window.clearTimeout(later);
  }, []);
  if (!me) return null;

  const sections = homeSections.entries().filter((section) => hasAnyRole(me, section.roles));
  const overview = hasAnyRole(me, ['admin']) || sections.length === 0;
  const name = me.display_name || me.username;
  const isAdmin = hasAnyRole(me, kAdminRoles);
  const shortcuts: { path: string; label: MessageKey; icon: ReactNode }[] = [
    { path: '/admin/org-units', label: 'nav.orgUnits', icon: <ApartmentOutlined /> },
    { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined /> },
    { path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined /> },
  ];

  const loading = (
    <LightCard>
      <Skeleton active />
    </LightCard>
  );

  return (
    <Flex vertical gap={16}>
      <LightCard testId="welcome-card">
        <Flex gap={20} align="flex-start" wrap>
          <InitialAvatar name={name} size={64} fontSize={28} />
          <div style={{ flex: 1, minWidth: 280 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('home.welcome', { name })}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 16px' }}>
              {t('home.intro')}
            </Typography.Paragraph>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: '12px 24px' }}>
              <Fact label={t('home.username')}>{me.username}</Fact>
              <Fact label={t('home.roles')}>
                <Flex gap={4} wrap>
                  {me.roles.map((role) => (
                    <Tag key={role} color={kRoleColors[role]} style={{ marginInlineEnd: 0 }}>
                      {roleLabel(t, role)}
                    </Tag>
                  ))}
                </Flex>
              </Fact>
              <Fact label={t('home.orgUnit')}>
                {me.org_unit ? (
                  <Flex align="center" gap={6} wrap>
                    {me.org_unit.name}
                    <Tag color={kKindColors[me.org_unit.kind as OrgUnitKind]} style={{ marginInlineEnd: 0 }}>
                      {kindLabel(t, me.org_unit.kind)}
                    </Tag>
                  </Flex>
                ) : (
                  t('common.none')
                )}
              </Fact>
            </div>
          </div>
        </Flex>
      </LightCard>

      {sections.map((section) => (
        <Suspense key={section.key} fallback={loading}>
          <section.component />
        </Suspense>
      ))}

      {overview && (
        <Suspense fallback={loading}>
          <HomeOverview />
        </Suspense>
      )}

      {isAdmin && (
        <>
          <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
            {t('home.quickLinks')}
          </Typography.Title>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 240px), 1fr))', gap: 16 }}>
            {shortcuts.map((shortcut) => (
              <LightCard key={shortcut.path} hoverable onClick={() => navigate(shortcut.path)}>
                <Flex align="center" justify="space-between">
                  <Flex align="center" gap={12}>
                    <span style={{ color: '#1f4fd1', fontSize: 18 }}>{shortcut.icon}</span>
                    <Typography.Text strong>{t(shortcut.label)}</Typography.Text>
                  </Flex>
                  <RightOutlined style={{ color: '#8c94a3' }} />
                </Flex>
              </LightCard>
            ))}
          </div>
        </>
      )}
    </Flex>
  );
}
