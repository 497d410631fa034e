// The words of the reminder toggle, in Korean and English. The settings page passes the member's locale; a
// caller may replace any text through the toggle's `labels` prop.
import type { PushState } from "./push-device";

export type PushLocale = "ko" | "en";

export type PushTexts = {
  label: string;
  /** what the status line says in each state */
  status: Record<PushState, string>;
  working: string;
  turnOn: string;
  turnOff: string;
  /** the iOS, Safari and Firefox limits (domain.md: the settings page says so) */
  platformNote: string;
  /** on an iPhone or iPad outside a Home Screen app: how to get there */
  iosInstall: string;
  errors: { permission: string; "signed-out": string; server: string; browser: string };
};

export const PUSH_TEXTS: Record<PushLocale, PushTexts> = {
  ko: {
    label: "이 기기에서 시작 알림 받기",
    status: {
      checking: "알림 상태를 확인하는 중…",
      unsupported: "이 브라우저는 푸시 알림을 지원하지 않아요.",
      denied: "알림이 차단되어 있어요. 브라우저의 사이트 설정에서 알림을 허용한 뒤 다시 시도하세요.",
      unavailable: "이 서버에는 푸시 알림이 설정되어 있지 않아요.",
      off: "꺼짐: 이 기기로 알림을 보내지 않아요.",
      on: "켜짐: 일정이 시작할 때 이 기기로 알려 드려요.",
    },
    working: "처리하는 중…",
    turnOn: "켜기",
    turnOff: "끄기",
    platformNote:
      "iPhone과 iPad에서는 Pinit을 홈 화면에 추가해 열었을 때만 알림이 와요. Safari와 Firefox에는 ‘시작’·‘다시 알림’ 버튼이 없어요: 알림을 누르면 Pinit이 열려요.",
    iosInstall: "공유 버튼 → ‘홈 화면에 추가’로 Pinit을 추가한 다음, 홈 화면에서 열어 알림을 켜세요.",
    errors: {
      permission: "알림 권한을 받지 못했어요. 다시 켜면 브라우저가 한 번 더 물어봐요.",
      "signed-out": "로그인이 끝났어요. 다시 로그인한 뒤 시도하세요.",
      server: "서버에 알리지 못했어요. 잠시 뒤에 다시 시도하세요.",
      browser: "브라우저가 구독을 만들지 못했어요. 잠시 뒤에 다시 시도하세요.",
    },
  },
  en: {
    label: "Reminders on this device",
    status: {
      checking: "Checking notifications…",
      unsupported: "This browser cannot receive push notifications.",
      denied: "Notifications are blocked. Allow them in the browser's site settings, then try again.",
      unavailable: "Push notifications are not set up on this server.",
      off: "Off: this device gets no reminders.",
      on: "On: this device is reminded when a schedule is due.",
    },
    working: "Working…",
    turnOn: "Turn on",
    turnOff: "Turn off",
    platformNote:
      "On iPhone and iPad, reminders arrive only when Pinit is opened from the Home Screen. Safari and Firefox show no Start or Snooze buttons: tap the notification to open Pinit.",
    iosInstall: "Add Pinit with Share → Add to Home Screen, open it from there, and turn reminders on.",
    errors: {
      permission: "Notifications were not allowed. Turn them on again and the browser asks once more.",
      "signed-out": "Your session ended. Sign in again, then try again.",
      server: "The server could not be told. Try again in a moment.",
      browser: "The browser could not subscribe. Try again in a moment.",
    },
  },
};
