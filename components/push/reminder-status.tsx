"use client";
// The reminder status in settings (issue 17.4), for this device: the notification permission and this browser's
// subscription (which only the browser knows), the server's push keys, the event engine, the last reminder this
// device got (GET /api/v1/push/status). Each line says OK or what to do. Loading, error and a "Check again"
// button; it checks again by itself when the reminder toggle above changes (PUSH_CHANGED_EVENT).
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import type { ReminderStatusView } from "@/lib/contracts/reminder";
import { FCM_TOKEN_STORAGE_KEY, PUSH_CHANGED_EVENT } from "./push-device";
import { reminderChecks, type BrowserFacts } from "./reminder-status-model";

const STATUS_URL = "/api/v1/push/status";

type Loaded = { browser: BrowserFacts; server: ReminderStatusView };
type View = { kind: "loading" } | { kind: "error" } | ({ kind: "ready" } & Loaded);

/** what this browser knows: its permission, and the subscription (or FCM token) it holds for this site */
async function thisBrowser(): Promise<{ facts: BrowserFacts; device: Record<string, string> }> {
  const supported = "Notification" in window && "serviceWorker" in navigator && "PushManager" in window;
  if (!supported) return { facts: { permission: "unsupported", subscribed: false }, device: {} };
  const registration = await navigator.serviceWorker.getRegistration("/").catch(() => undefined);
  const subscription = await registration?.pushManager.getSubscription().catch(() => null);
  const fcmToken = subscription ? null : window.localStorage.getItem(FCM_TOKEN_STORAGE_KEY);
  const device: Record<string, string> = subscription
    ? { endpoint: subscription.endpoint }
    : fcmToken
      ? { fcmToken }
      : {};
  return { facts: { permission: Notification.permission, subscribed: !!subscription || !!fcmToken }, device };
}

async function load(): Promise<Loaded> {
  const { facts, device } = await thisBrowser();
  const response = await fetch(`${STATUS_URL}?${new URLSearchParams(device)}`, {
    credentials: "same-origin",
    cache: "no-store",
  });
  if (!response.ok) throw new Error(`status ${response.status}`);
  return { browser: facts, server: (await response.json()) as ReminderStatusView };
}

export function ReminderStatus({ headingId }: { headingId: string }) {
  const t = useTranslations("reminders");
  const format = useFormatter();
  const [view, setView] = useState<View>({ kind: "loading" });

  const check = useCallback(async () => {
    setView({ kind: "loading" });
    try {
      setView({ kind: "ready", ...(await load()) });
    } catch {
      setView({ kind: "error" });
    }
  }, []);

  useEffect(() => {
    // the first check runs after the page has painted; later ones when the toggle above changes something
    const first = window.setTimeout(() => void check(), 0);
    const again = () => void check();
    window.addEventListener(PUSH_CHANGED_EVENT, again);
    return () => {
      window.clearTimeout(first);
      window.removeEventListener(PUSH_CHANGED_EVENT, again);
    };
  }, [check]);

  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const values = (server: ReminderStatusView) => {
    // "at" is this device's last reminder; "otherDevice" (this one has none) the member's latest on any device
    const at = server.device.lastSentAt ?? server.lastSentAt;
    return { reason: server.push.reason ?? "", count: server.engine.waitingEvents, date: at ? date(at) : "" };
  };

  return (
    <div className="flex flex-col gap-4" aria-busy={view.kind === "loading"}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-xl font-semibold">
          {t("status.title")}
        </h2>
        <button
          type="button"
          onClick={() => void check()}
          disabled={view.kind === "loading"}
          className="inline-flex min-h-11 items-center justify-center rounded-lg border border-line px-4 text-sm font-semibold text-brand enabled:hover:bg-surface-tint disabled:cursor-not-allowed disabled:opacity-60"
        >
          {t("status.recheck")}
        </button>
      </div>
      <p className="text-sm text-muted">{t("status.intro")}</p>
      <div role="status" aria-live="polite" className="text-sm">
        {view.kind === "loading" ? <p className="text-muted">{t("status.checking")}</p> : null}
        {view.kind === "error" ? <p className="font-medium text-ink">{t("status.error")}</p> : null}
      </div>
      {view.kind === "ready" ? (
        <ul className="flex flex-col divide-y divide-line rounded-lg border border-line" data-testid="reminder-checks">
          {reminderChecks(view.browser, view.server).map((c) => (
            <li key={c.name} data-check={c.name} data-ok={c.ok} className="flex gap-3 px-4 py-3">
              <span
                aria-hidden="true"
                className={`mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-sm font-bold ${
                  c.ok ? "bg-brand text-surface" : "bg-amber-200 text-amber-900 dark:bg-amber-800 dark:text-amber-50"
                }`}
              >
                {c.ok ? "✓" : "!"}
              </span>
              <div className="flex min-w-0 flex-col gap-1">
                <p className="font-semibold">
                  {t(`checks.${c.name}.label`)}
                  <span className="sr-only">: {c.ok ? t("status.ok") : t("status.notOk")}</span>
                </p>
                <p className="text-sm">{t(`checks.${c.name}.states.${c.state}`, values(view.server))}</p>
                {c.fix ? (
                  <p className="text-sm text-muted">{t(`checks.${c.name}.fix.${c.fix}`, values(view.server))}</p>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
