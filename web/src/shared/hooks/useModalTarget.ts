import { useCallback, useState } from 'react';

export interface ModalTarget<Target> {
  /** The open dialog's target, with the key to mount it under; null while none is open. */
  modal: { key: number; target: Target } | null;
  openModal: (target: Target) => void;
  /** For the dialog's `onClose`, once its close animation has run. */
  closeModal: () => void;
}

/** Which dialog is open, and for what. Each opening gets a fresh key, which mounts a fresh form. */
export function useModalTarget<Target>(): ModalTarget<Target> {
  const [modal, setModal] = useState<{ key: number; target: Target } | null>(null);
  const openModal = useCallback((target: Target) => setModal({ key: Date.now(), target }), []);
  const closeModal = useCallback(() => setModal(null), []);
  return { modal, openModal, closeModal };
}
