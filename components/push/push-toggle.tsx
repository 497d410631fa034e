"use client";
// The settings toggle "reminders on this device". States: checking → unsupported | denied | unavailable | off |
// on. A real button with role="switch" (its label is its text, aria-checked its state); what happened is said
// in a polite live region, so a screen reader hears the outcome of each press. The iOS / Safari / Firefox
// limits are always written under it (domain.md "Reminders and push").
import { useEffect, useId, useState } from "react";
import {
  PUSH_CHANGED_EVENT,
  PushDeviceError,
  isSubscribed,
  pushStateOf,
  pushSupport,
  pushTransport,
  resyncThisDevice,
  subscribeThisDevice,
  unsubscribeThisDevice,
  type PushState,
  type PushSupport,
  type PushTransportChoice,
} from "./push-device";
import { PUSH_TEXTS, type PushLocale, type PushTexts } from "./push-texts";

export type PushToggleProps = {
  locale: PushLocale;
  /** replaces any of the built-in texts */
  labels?: Partial<PushTexts>;
  className?: string;
};

export function PushToggle({ locale, labels, className }: PushToggleProps) {
  const t: PushTexts = { ...PUSH_TEXTS[locale], ...labels };
  const statusId = useId();
  const [state, setState] = useState<PushState>("checking");
  const [support, setSupport] = useState<PushSupport>({ supported: false, ios: false, standalone: false });
  const [transport, setTransport] = useState<PushTransportChoice | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    async function check() {
      const found = pushSupport(window as unknown as Parameters<typeof pushSupport>[0]);
      if (!found.supported) {
        if (!cancelled) {
          setSupport(found);
          setState("unsupported");
        }
        return;
      }
      const [choice, subscribed] = await Promise.all([pushTransport(), isSubscribed().catch(() => false)]);
      const next = pushStateOf({ support: found, permission: Notification.permission, subscribed, transport: choice });
      // the browser is subscribed: make sure the server has it for whoever is signed in now
      if (next === "on") await resyncThisDevice().catch(() => {});
      if (cancelled) return;
      setSupport(found);
      setTransport(choice);
      setState(next);
    }
    void check();
    return () => {
      cancelled = true;
    };
  }, []);

  async function toggle() {
    if (busy || (state !== "on" && state !== "off")) return;
    setBusy(true);
    setProblem(null);
    try {
      if (state === "on") {
        await unsubscribeThisDevice();
        setState("off");
      } else if (transport) {
        await subscribeThisDevice(transport);
        setState("on");
      }
    } catch (error) {
      const reason = error instanceof PushDeviceError ? error.reason : "browser";
      if (reason === "permission" && Notification.permission === "denied") setState("denied");
      else setProblem(t.errors[reason]);
    } finally {
      setBusy(false);
      window.dispatchEvent(new Event(PUSH_CHANGED_EVENT));
    }
  }

  const on = state === "on";
  const actionable = state === "on" || state === "off";
  const iosOutsideHomeScreen = support.ios && !support.standalone && state === "unsupported";
  const status = busy ? t.working : (problem ?? t.status[state]);

  return (
    <div lang={locale} className={["flex flex-col gap-3", className].filter(Boolean).join(" ")}>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-describedby={statusId}
        aria-busy={busy}
        disabled={!actionable || busy}
        onClick={toggle}
        className="flex min-h-12 w-full items-center justify-between gap-4 rounded-lg border border-line px-4 py-3 text-left font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus enabled:hover:bg-surface-tint disabled:cursor-not-allowed disabled:opacity-60"
      >
        <span>{t.label}</span>
        <span className="flex shrink-0 items-center gap-2">
          <span className="text-sm font-medium whitespace-nowrap text-muted">{on ? t.turnOff : t.turnOn}</span>
          {/* the track and knob are decoration: the state is in aria-checked and the status line */}
          <span
            aria-hidden="true"
            className={`relative inline-flex h-7 w-12 shrink-0 rounded-full transition-colors ${on ? "bg-brand" : "bg-line"}`}
          >
            <span
              className={`absolute top-1 h-5 w-5 rounded-full bg-surface shadow transition-all ${on ? "left-6" : "left-1"}`}
            />
          </span>
        </span>
      </button>
      <p
        id={statusId}
        role="status"
        aria-live="polite"
        className={`text-sm ${problem ? "font-medium text-ink" : "text-muted"}`}
      >
        {status}
      </p>
      {iosOutsideHomeScreen ? <p className="text-sm text-ink">{t.iosInstall}</p> : null}
      <p className="text-sm text-muted">{t.platformNote}</p>
    </div>
  );
}
