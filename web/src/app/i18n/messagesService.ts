// The service module's Chinese, a chunk of its own that i18nContext.loadFrameMessages() fetches with
// the signed-in frame: its menu entries and the mass-alert bell are the frame's, its work list and
// figures the home page's. See messages.ts.
import { zh as service } from '../../modules/service/messages';

export const zh = service;
