import type { ThemeConfig } from 'antd';

export const kBrandBlue = '#1f4fd1';
export const kBrandFlame = '#f97316';

/** One theme for the whole app: a sober enterprise blue, compact radii, CJK-friendly fonts. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: kBrandBlue,
    colorInfo: kBrandBlue,
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      siderBg: '#0f1f3d',
      headerBg: '#ffffff',
      bodyBg: '#f3f5f9',
      headerPadding: '0 24px',
    },
    Menu: {
      darkItemBg: '#0f1f3d',
      darkSubMenuItemBg: '#0f1f3d',
      darkItemSelectedBg: kBrandBlue,
    },
  },
};

// Whoever asks their system for less motion gets none: dialogs, drawers and menus appear at once.
if (globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches) theme.token!.motion = false;
