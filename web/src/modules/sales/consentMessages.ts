// The strings of the customer's consent page (/consent/:token), apart from the module's messages.ts:
// the page is opened on a customer's phone without signing in, and loads these alone (its chunk adds
// them, i18nContext.addMessages) rather than every module's. Chinese is the source; `en` has its keys.

export const zh = {
  'publicConsent.brand': '购房意向确认',
  'publicConsent.intro': '{consultant} 为您登记了 {project} 的购房意向，请确认是否由其为您提供置业服务。',
  'publicConsent.customer': '客户',
  'publicConsent.project': '项目',
  'publicConsent.consultant': '置业顾问',
  'publicConsent.expires': '有效期至',
  'publicConsent.agree': '同意',
  'publicConsent.agreeHint': '点击「同意」即确认由该置业顾问为您服务。如非本人意愿，请直接关闭本页。',
  'publicConsent.thanksTitle': '已确认，感谢您！',
  'publicConsent.thanksDetail': '{consultant} 将为您提供 {project} 的置业服务，本页可以关闭了。',
  'publicConsent.expiredTitle': '链接已过期',
  'publicConsent.expiredDetail': '确认链接 10 分钟内有效。请置业顾问重新发起，再扫码确认。',
  'publicConsent.invalidTitle': '链接无效',
  'publicConsent.invalidDetail': '请向置业顾问核对二维码，或请其重新发起。',
  'publicConsent.failed': '未能确认：{reason}',
  'publicConsent.failedServer': '服务暂时不可用，请稍后再试',
  'publicConsent.loading': '正在加载…',
  'publicConsent.footer': '本页仅用于确认您的购房意向，不会收集其他信息。',
};

export const en: Record<keyof typeof zh, string> = {
  'publicConsent.brand': 'Confirm your interest',
  'publicConsent.intro': '{consultant} registered your interest in {project}. Please confirm that they may serve you.',
  'publicConsent.customer': 'Customer',
  'publicConsent.project': 'Project',
  'publicConsent.consultant': 'Consultant',
  'publicConsent.expires': 'Valid until',
  'publicConsent.agree': 'Agree',
  'publicConsent.agreeHint': 'Tapping Agree confirms that this consultant serves you. If you did not ask for it, just close this page.',
  'publicConsent.thanksTitle': 'Confirmed, thank you!',
  'publicConsent.thanksDetail': '{consultant} will help you with {project}. You may close this page.',
  'publicConsent.expiredTitle': 'This link has expired',
  'publicConsent.expiredDetail': 'A link is valid for 10 minutes. Ask the consultant for a new one and scan it again.',
  'publicConsent.invalidTitle': 'This link is not valid',
  'publicConsent.invalidDetail': 'Check the QR code with the consultant, or ask them for a new one.',
  'publicConsent.failed': 'Could not confirm: {reason}',
  'publicConsent.failedServer': 'The service is unavailable; please try again shortly',
  'publicConsent.loading': 'Loading…',
  'publicConsent.footer': 'This page only confirms your interest; it collects nothing else.',
};
