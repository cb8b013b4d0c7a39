// The English of every string (see messages.ts), a chunk of its own that i18nContext.loadLanguage()
// fetches when the language is English. Each message file is imported here as a module of its own
// (`?en`), of which the bundler keeps the `en` half only, while the entry keeps the `zh` half.
import type { MessageKey } from './messages';

type Dictionary = Record<string, string>;

const kShell = import.meta.glob<Dictionary>('./shellMessages.ts', { eager: true, import: 'en', query: '?en' });
const kModules = import.meta.glob<Dictionary>(['../../modules/*/messages.ts', '../../modules/service/pageMessages.ts', '../../modules/platform/auditMessages.ts', '../../modules/platform/messageLogMessages.ts', '../../modules/sales/consentMessages.ts', '../../modules/delivery/bookingMessages.ts', '../../modules/delivery/openDaySignupMessages.ts', '../../modules/delivery/reportMessages.ts', '../../modules/campaigns/unsubscribeMessages.ts'], {
  eager: true,
  import: 'en',
  query: '?en',
});

export const en = Object.assign({}, ...Object.values(kShell), ...Object.values(kModules)) as Record<MessageKey, string>;
