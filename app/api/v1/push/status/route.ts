// GET /api/v1/push/status — the server's side of the reminder status in settings: whether the server has push
// keys, whether the event engine answers (and in which mode), whether this device (?endpoint= or ?fcmToken=) is
// subscribed, and when a reminder last reached it. The browser adds what only it knows (the permission).
import { engineReachable, engineUrl } from "@/inngest/probe";
import { inngestMode } from "@/inngest/mode";
import { ReminderStatusQuery, ReminderStatusView } from "@/lib/contracts/reminder";
import { apiHandler } from "@/lib/http/api";
import { readPushConfig, type TransportSetting } from "@/lib/push/config";
import { reminderDeviceStatus } from "@/lib/services/reminders/reminder-status";

// read per request: the environment and the engine decide, not the build
export const dynamic = "force-dynamic";

const transport = (setting: TransportSetting<unknown> | null) =>
  setting === null ? "unset" : setting.ok ? "on" : "invalid";
const reasonOf = (setting: TransportSetting<unknown> | null) => (setting && !setting.ok ? setting.reason : null);

export const GET = apiHandler(
  { query: ReminderStatusQuery, output: ReminderStatusView },
  async ({ memberId, query }) => {
    const config = readPushConfig();
    const mode = inngestMode();
    const [reachable, device] = await Promise.all([
      engineReachable(engineUrl(mode)),
      reminderDeviceStatus(memberId, query),
    ]);
    return {
      push: {
        webPush: transport(config.webPush),
        fcm: transport(config.fcm),
        reason: [reasonOf(config.webPush), reasonOf(config.fcm)].filter(Boolean).join("; ") || null,
      },
      engine: { mode: mode.kind, reachable, waitingEvents: device.waitingEvents },
      device: { subscribed: device.subscribed, lastSentAt: device.deviceLastSentAt?.toISOString() ?? null },
      lastSentAt: device.lastSentAt?.toISOString() ?? null,
    } satisfies ReminderStatusView;
  },
);
