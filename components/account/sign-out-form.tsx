"use client";
// Sign out: this device forgets its offline copies of the member's pages and stops receiving the member's
// reminders (domain.md: signing out removes this device's subscription), then the session ends. A failure of
// either never blocks signing out; reaching /signin forgets the pages once more (components/pwa/register-sw.tsx).
import type { ReactNode } from "react";
import { unsubscribeThisDevice } from "@/components/push/push-device";
import { forgetOfflinePages } from "@/components/pwa/offline-pages";

export function SignOutForm({ action, children }: { action: () => Promise<void>; children: ReactNode }) {
  async function signOut() {
    await forgetOfflinePages().catch(() => {});
    if ("serviceWorker" in navigator) await unsubscribeThisDevice().catch(() => {});
    await action();
  }
  return <form action={signOut}>{children}</form>;
}
