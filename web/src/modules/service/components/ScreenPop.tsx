import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { loadMessages } from '../../../app/i18n/i18nContext';
import { customerApi } from '../../customers/api';
import { customerKeys } from '../../customers/queries';
import { hasUnsavedIntake, intakePath, maskCaller, telephonyApi, telephonyKeys, type IncomingCall } from '../telephony';

const kShownSeconds = 8;
/** After the frame has settled, the intake page is fetched ahead, so the first call pops at once. */
const kWarmUpMs = 3_000;

function parseCall(data: string): IncomingCall | null {
  try {
    const call = JSON.parse(data) as Partial<IncomingCall>;
    return typeof call.call_id === 'string' && typeof call.caller === 'string' ? (call as IncomingCall) : null;
  } catch {
    return null;
  }
}

/**
 * 来电弹屏: listens to the signed-in person's server-sent events (/api/v1/events, the session
 * cookie goes by itself) and, on a call put through to their extension, opens 来电受理 with the
 * caller chosen (or the new-customer form with the number filled in) and shows 来电 138****1111
 * 林晓燕 for a few seconds. Mounted once in the signed-in frame, for those who take calls only;
 * EventSource reconnects by itself, and the stream closes when the frame goes (sign-out). It is
 * open only while the person sits at an extension: no seat, no call can come.
 */
export function ScreenPop({ userId }: { userId: number }) {
  const t = useT();
  const navigate = useNavigate();
  const { notification } = App.useApp();
  const queryClient = useQueryClient();
  const seat = useQuery({ queryKey: telephonyKeys.seat, queryFn: ({ signal }) => telephonyApi.seat(signal) });
  const seated = Boolean(seat.data?.extension);
  // The latest of each, read by the one listener the stream keeps.
  const latest = useRef({ t, navigate, notification });
  latest.current = { t, navigate, notification };

  useEffect(() => {
    const timer = window.setTimeout(() => {
      void import('../pages/NewTicketPage').catch(() => undefined);
      void loadMessages().catch(() => undefined);
    }, kWarmUpMs);
    return () => window.clearTimeout(timer);
  }, []);

  useEffect(() => {
    if (!seated || typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/v1/events');
    const seen = new Set<string>();
    let shown: string | null = null;
    const onCall = (event: MessageEvent<string>) => {
      const call = parseCall(event.data);
      // A reconnect may bring the same call again: it pops once.
      if (!call || seen.has(call.call_id)) return;
      seen.add(call.call_id);
      const { t: tr, navigate: go, notification: notify } = latest.current;
      // The caller's record is on its way while the page opens.
      const customerId = call.customer_id;
      if (customerId) void queryClient.prefetchQuery({ queryKey: customerKeys.detail(customerId), queryFn: () => customerApi.get(customerId) });
      // One call at a time: the new call's notice replaces the last one's.
      if (shown) notify.destroy(shown);
      const key = `call-${call.call_id}`;
      shown = key;
      // A ticket being written is not thrown away: the call waits on its notice until taken.
      const keep = hasUnsavedIntake();
      notify.open({
        key,
        icon: <PhoneOutlined style={{ color: '#1f4fd1' }} />,
        title: [tr('screenPop.title', { caller: maskCaller(call.caller) }), call.customer_name].filter(Boolean).join(' '),
        description: keep ? tr('screenPop.unsavedKept') : call.customer_id ? undefined : tr('screenPop.unknownCaller'),
        actions: keep ? (
          <Button
            type="primary"
            size="small"
            data-testid="screen-pop-take"
            onClick={() => {
              notify.destroy(key);
              latest.current.navigate(intakePath(call));
            }}
          >
            {tr('screenPop.open')}
          </Button>
        ) : undefined,
        duration: keep ? 0 : kShownSeconds,
        // Not over the header's seat and bell; a call that waits, not over the form's buttons either.
        placement: keep ? 'bottomLeft' : 'bottomRight',
        props: { 'data-testid': 'screen-pop-notice' } as Record<string, string>,
      });
      if (!keep) go(intakePath(call));
    };
    source.addEventListener('call', onCall as EventListener);
    return () => {
      source.removeEventListener('call', onCall as EventListener);
      source.close();
    };
  }, [userId, queryClient, seated]);

  return null;
}
