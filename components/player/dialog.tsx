"use client";
// A modal dialog on the native <dialog>: showModal() makes the rest of the page inert (focus stays inside),
// Escape closes it, and focus returns to what opened it. No library needed.
import { useEffect, useRef, type ReactNode } from "react";

type Props = {
  open: boolean;
  onClose: () => void;
  /** id of the dialog's heading (its accessible name) */
  labelledBy: string;
  describedBy?: string;
  children: ReactNode;
  /** a bottom sheet on phones (the add-schedule form), a centred box otherwise */
  variant?: "sheet" | "box";
};

export function Dialog({ open, onClose, labelledBy, describedBy, children, variant = "box" }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const placement =
    variant === "sheet"
      ? "mb-0 mt-auto w-full max-w-none rounded-t-2xl sm:m-auto sm:max-w-lg sm:rounded-2xl"
      : "m-auto w-[min(28rem,calc(100%-2rem))] rounded-2xl";
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={onClose}
      className={`${placement} max-h-[90dvh] overflow-y-auto border border-line bg-surface p-5 text-ink shadow-xl backdrop:bg-black/50 sm:p-6`}
    >
      {open ? children : null}
    </dialog>
  );
}
