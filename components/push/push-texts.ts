// The words of the reminder toggle, in Korean and English (messages/<locale>/push.json, "toggle"). The settings page passes the member's locale; a
// caller may replace any text through the toggle's `labels` prop.
import en from "@/messages/en/push.json";
import ko from "@/messages/ko/push.json";
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

// the words live in the message files (messages/<locale>/push.json), with the service worker's
export const PUSH_TEXTS: Record<PushLocale, PushTexts> = { ko: ko.toggle, en: en.toggle };
