import { useCallback, useRef, useState } from 'react';

export interface ModalTarget<Target> {
  /** The open dialog's target, with the key to mount it under; null while none is open. */
  modal: { key: number; target: Target } | null;
  openModal: (target: Target) => void;
  /**
   * For the dialog's `onClose`, once its close animation has run. It closes only the opening it was
   * rendered with: a dialog whose close animation ends after the next one opened (a quick 取消 then
   * 驳回) leaves the new one open.
   */
  closeModal: () => void;
}

/** Which dialog is open, and for what. Each opening gets a fresh key, which mounts a fresh form. */
export function useModalTarget<Target>(): ModalTarget<Target> {
  const [modal, setModal] = useState<{ key: number; target: Target } | null>(null);
  const next = useRef(0);
  const openModal = useCallback((target: Target) => setModal({ key: ++next.current, target }), []);
  const key = modal?.key;
  const closeModal = useCallback(() => setModal((shown) => (shown?.key === key ? null : shown)), [key]);
  return { modal, openModal, closeModal };
}
