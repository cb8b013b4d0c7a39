import { forwardRef, lazy, Suspense, useState, type ComponentPropsWithoutRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { telephonyApi, telephonyKeys } from '../telephony';

// The popover and its form load on the first click: the header stays light.
const SeatPopover = lazy(() => import('./SeatPopover'));

export interface SeatButtonProps {
  extension: string | null;
  compact?: boolean;
}

/** The header button: 分机 8001 or 未登记分机 (a phone: the icon and the number only). */
const SeatFace = forwardRef<HTMLButtonElement, SeatButtonProps & Omit<ComponentPropsWithoutRef<'button'>, 'type' | 'color'>>(
  function SeatFace({ extension, compact, ...rest }, ref) {
    const t = useT();
    const label = extension ? t('seat.extension', { extension }) : t('seat.none');
    return (
      <Button
        {...rest}
        ref={ref}
        type="text"
        icon={<PhoneOutlined style={{ color: extension ? '#389e0d' : undefined }} />}
        aria-label={label}
        title={compact ? label : undefined}
        data-testid="seat-control"
        data-extension={extension ?? ''}
        style={compact ? { paddingInline: 6 } : undefined}
      >
        {compact ? extension : label}
      </Button>
    );
  },
);

const face = (props: SeatButtonProps) => <SeatFace {...props} />;

/**
 * The header's seat (座席) control for those who take calls: shows 分机 8001 or 未登记分机; a click
 * opens a small form to take an extension (Enter saves) or leave the seat (离开座席). Calls put
 * through to the extension pop 来电受理 (ScreenPop).
 */
export function SeatControl({ compact }: { compact?: boolean }) {
  const seat = useQuery({ queryKey: telephonyKeys.seat, queryFn: ({ signal }) => telephonyApi.seat(signal) });
  // A seat the server would not tell (an error) shows as none: the form still works.
  const extension = seat.data?.extension ?? null;
  const [wanted, setWanted] = useState(false);
  const plain = <SeatFace extension={extension} compact={compact} onClick={() => setWanted(true)} />;
  if (!wanted) return plain;
  return (
    <Suspense fallback={plain}>
      <SeatPopover extension={extension} compact={compact} button={face} />
    </Suspense>
  );
}
