import { useEffect, useRef, useState, type RefObject } from 'react';

/** Open/closed state of a small popover that closes on Escape or a click outside `ref`. */
export function usePopover<T extends HTMLElement>(): {
  ref: RefObject<T | null>;
  isOpen: boolean;
  setOpen: (open: boolean | ((was: boolean) => boolean)) => void;
} {
  const ref = useRef<T>(null);
  const [isOpen, setOpen] = useState(false);
  useEffect(() => {
    if (!isOpen) return;
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [isOpen]);
  return { ref, isOpen, setOpen };
}
