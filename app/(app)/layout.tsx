// Every page in (app) is for a signed-in member: a signed-out visitor is sent to /signin and brought back
// afterwards. The proxy already redirects on a missing or expired cookie; this checks the member for real
// (a valid cookie of a deleted member is turned away here). Pages call requireMember() too: a layout is
// not re-rendered on every client-side navigation.
//
// The layout also reads the mini player's schedule (the running one, else the most recently paused one)
// with the server time it was measured at, so its timer is right from the first paint.
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { requireMember } from "@/lib/auth/current-member";
import { currentSchedule } from "@/lib/services/schedules/read-schedules";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const now = new Date();
  const current = await currentSchedule(member.id, now);
  return (
    <AppShell member={member} current={current} serverNow={now.toISOString()}>
      {children}
    </AppShell>
  );
}
