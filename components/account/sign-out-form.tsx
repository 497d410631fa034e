"use client";
// Sign out: this device stops receiving the member's reminders first (domain.md: signing out removes this
// device's subscription), then the session ends. A failure to reach the push service never blocks signing out.
import type { ReactNode } from "react";
import { unsubscribeThisDevice } from "@/components/push/push-device";

export function SignOutForm({ action, children }: { action: () => Promise<void>; children: ReactNode }) {
  async function signOut() {
    if ("serviceWorker" in navigator) await unsubscribeThisDevice().catch(() => {});
    await action();
  }
  return <form action={signOut}>{children}</form>;
}
