import { useState } from 'react';
import { useLocation, useNavigate, type Location } from 'react-router-dom';
import { Alert, Button, Flex, Form, Grid, Input, Typography } from 'antd';
import { CustomerServiceOutlined, HomeOutlined, LockOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../../../app/auth/useAuth';
import { useT } from '../../../app/i18n/useT';
import { LanguageSwitch } from '../../../app/i18n/LanguageSwitch';
import { HearthLogo } from '../../../shared/ui/HearthLogo';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { required, requiredText } from '../../../shared/ui/formRules';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const { login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const from = (location.state as { from?: Location } | null)?.from;
  const target = from && from.pathname !== '/login' ? `${from.pathname}${from.search}` : '/';

  /** The server says how long the throttle holds this name back (seconds): shown in whole minutes. */
  const waitMessage = (seconds: unknown) =>
    typeof seconds === 'number' && seconds > 0
      ? t('login.rateLimitedFor', { minutes: Math.ceil(seconds / 60) })
      : t('login.rateLimited');

  const onFinish = async ({ username, password }: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate(target, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(t('login.failed'));
      else if (err instanceof ApiError && err.status === 429) setError(waitMessage(err.extra.retry_after_s));
      else setError(errorMessage(t, err));
    } finally {
      setSubmitting(false);
    }
  };

  const features = [
    { icon: <TeamOutlined />, text: t('login.featureCustomer') },
    { icon: <HomeOutlined />, text: t('login.featureProperty') },
    { icon: <CustomerServiceOutlined />, text: t('login.featureService') },
  ];

  return (
    <Flex style={{ minHeight: '100vh', background: '#f3f5f9' }}>
      {screens.md && (
        <Flex
          vertical
          justify="space-between"
          style={{
            width: '44%',
            maxWidth: 640,
            padding: '48px 56px',
            color: '#fff',
            background: 'linear-gradient(150deg, #0f1f3d 0%, #16306b 55%, #1f4fd1 100%)',
          }}
        >
          <Flex align="center" gap={12}>
            <HearthLogo size={40} inverted />
            <span style={{ fontSize: 22, fontWeight: 600, letterSpacing: 0.5 }}>{t('app.name')}</span>
          </Flex>
          <div>
            <div style={{ fontSize: 34, fontWeight: 600, lineHeight: 1.3, marginBottom: 16 }}>{t('app.title')}</div>
            <div style={{ fontSize: 16, opacity: 0.85, marginBottom: 8 }}>{t('login.brandLine1')}</div>
            <div style={{ fontSize: 14, opacity: 0.65, marginBottom: 40 }}>{t('login.brandLine2')}</div>
            <Flex vertical gap={14}>
              {features.map((feature) => (
                <Flex key={feature.text} align="center" gap={12} style={{ fontSize: 15 }}>
                  <Flex
                    align="center"
                    justify="center"
                    style={{ width: 34, height: 34, borderRadius: 8, background: 'rgba(255,255,255,0.12)', fontSize: 17 }}
                  >
                    {feature.icon}
                  </Flex>
                  {feature.text}
                </Flex>
              ))}
            </Flex>
          </div>
          <div style={{ fontSize: 12, opacity: 0.5 }}>{t('app.footer')}</div>
        </Flex>
      )}
      <Flex vertical style={{ flex: 1 }}>
        <Flex justify="flex-end" style={{ padding: '16px 24px' }}>
          <LanguageSwitch type="default" />
        </Flex>
        <Flex align="center" justify="center" style={{ flex: 1, padding: 24 }}>
          <div
            style={{
              width: '100%',
              maxWidth: 400,
              background: '#fff',
              borderRadius: 12,
              padding: '40px 40px 28px',
              boxShadow: '0 8px 32px rgba(15, 31, 61, 0.08)',
            }}
          >
            {!screens.md && (
              <Flex align="center" gap={10} style={{ marginBottom: 24 }}>
                <HearthLogo size={36} />
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {t('app.title')}
                </Typography.Text>
              </Flex>
            )}
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
              {t('login.heading')}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 28 }}>
              {t('login.welcome')}
            </Typography.Paragraph>
            {error && (
              <Alert type="error" showIcon title={error} style={{ marginBottom: 20 }} data-testid="login-error" />
            )}
            <Form<LoginForm> name="login" layout="vertical" size="large" requiredMark={false} onFinish={onFinish} autoComplete="on">
              <Form.Item
                name="username"
                label={t('login.username')}
                rules={requiredText(t('login.usernameRequired'))}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('login.password')}
                rules={required(t('login.passwordRequired'))}
              >
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
              </Form.Item>
              <Form.Item style={{ marginBottom: 8, marginTop: 8 }}>
                <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
                  {t('login.submit')}
                </Button>
              </Form.Item>
            </Form>
          </div>
        </Flex>
      </Flex>
    </Flex>
  );
}
