"use client";
// The profile form of the settings page. The fields keep what was typed after a refused save; each refusal
// is shown under its field, and the keyboard goes to the first one.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { FormMessage, SelectField, TextField, focusFirstProblem, primaryButtonClass } from "@/components/account/field";
import { filterTimeZones, type TimeZoneOption } from "@/components/account/time-zones";
import { useOnline } from "@/components/pwa/use-online";
import { actionError } from "@/lib/actions/result";
import { DAILY_GOAL_MINUTES, LOCALES, NICKNAME, REMINDER_LEAD_MINUTES } from "@/lib/domain/limits";
import { reason, type FieldName } from "@/lib/i18n/reasons";
import type { MemberView } from "@/lib/services/views";
import { updateSettingsAction } from "./actions";

const MESSAGE_ID = "settings-message";
type SettingsField = Extract<
  FieldName,
  "nickname" | "timezone" | "dailyGoalMinutes" | "reminderLeadMinutes" | "locale"
>;

/**
 * `timeZones`: the picker's options, named by the page on the server (the browser's Intl names some zones
 * differently, and the labels must not change at hydration)
 */
export function SettingsForm({ member, timeZones }: { member: MemberView; timeZones: TimeZoneOption[] }) {
  // the member's language: the app shell's NextIntlClientProvider has the request's locale, which is the member's
  const t = useTranslations("account");
  const formRef = useRef<HTMLFormElement>(null);
  const [result, formAction, pending] = useActionState(updateSettingsAction, {});
  const [values, setValues] = useState({
    nickname: member.nickname,
    timezone: member.timezone,
    dailyGoalMinutes: String(member.dailyGoalMinutes),
    reminderLeadMinutes: String(member.reminderLeadMinutes),
    locale: member.locale as string,
  });
  const online = useOnline();
  const [zoneQuery, setZoneQuery] = useState("");
  const zoneOptions = timeZones;
  const shownZones = filterTimeZones(zoneOptions, zoneQuery, values.timezone);
  const matchCount = filterTimeZones(zoneOptions, zoneQuery, "").length;
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  const refusal = useMemo(() => actionError(result), [result]);
  useEffect(() => {
    if (refusal) focusFirstProblem(formRef.current, MESSAGE_ID);
  }, [refusal]);
  const errorsOf = (field: SettingsField) =>
    refusal?.fieldErrors[field]?.map((r) => reason(t, r, member.locale, field));

  const leadOptions = [...new Set<number>([...REMINDER_LEAD_MINUTES.presets, member.reminderLeadMinutes])].sort(
    (a, b) => a - b,
  );
  const saved = result.data && !pending;

  return (
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-5">
      {refusal ? (
        <FormMessage id={MESSAGE_ID} tone="error">
          {refusal.code === "VALIDATION" ? t("errors.summary") : t("errors.generic")}
        </FormMessage>
      ) : saved ? (
        <FormMessage id={MESSAGE_ID} tone="success">
          {t("settings.saved")}
        </FormMessage>
      ) : null}
      <TextField
        id="settings-nickname"
        name="nickname"
        label={t("fields.nickname")}
        errors={errorsOf("nickname")}
        autoComplete="nickname"
        maxLength={NICKNAME.max}
        required
        value={values.nickname}
        onChange={set("nickname")}
      />
      <div className="flex flex-col gap-2">
        <TextField
          id="settings-timezone-search"
          type="search"
          label={t("settings.timezoneSearch")}
          hint={
            <span aria-live="polite">
              {matchCount > 0 ? t("settings.timezoneMatches", { count: matchCount }) : t("settings.timezoneNoMatch")}
            </span>
          }
          autoComplete="off"
          value={zoneQuery}
          onChange={(e) => {
            const query = e.target.value;
            setZoneQuery(query);
            // the first match is chosen as the member types, so the select shows what will be saved
            const first = filterTimeZones(zoneOptions, query, "").at(0);
            if (query.trim() && first) setValues((v) => ({ ...v, timezone: first.zone }));
          }}
        />
        <SelectField
          id="settings-timezone"
          name="timezone"
          label={t("fields.timezone")}
          errors={errorsOf("timezone")}
          value={values.timezone}
          onChange={set("timezone")}
        >
          {shownZones.map((o) => (
            <option key={o.zone} value={o.zone}>
              {o.label}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        id="settings-daily-goal"
        name="dailyGoalMinutes"
        type="number"
        inputMode="numeric"
        min={DAILY_GOAL_MINUTES.min}
        max={DAILY_GOAL_MINUTES.max}
        step={1}
        label={t("fields.dailyGoalMinutes")}
        hint={t("hints.dailyGoalMinutes")}
        errors={errorsOf("dailyGoalMinutes")}
        value={values.dailyGoalMinutes}
        onChange={set("dailyGoalMinutes")}
      />
      <SelectField
        id="settings-reminder-lead"
        name="reminderLeadMinutes"
        label={t("fields.reminderLeadMinutes")}
        errors={errorsOf("reminderLeadMinutes")}
        value={values.reminderLeadMinutes}
        onChange={set("reminderLeadMinutes")}
      >
        {leadOptions.map((m) => (
          <option key={m} value={m}>
            {m === 0 ? t("settings.leadAtStart") : t("settings.leadMinutes", { minutes: m })}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="settings-locale"
        name="locale"
        label={t("fields.locale")}
        errors={errorsOf("locale")}
        value={values.locale}
        onChange={set("locale")}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </SelectField>
      <button
        type="submit"
        className={primaryButtonClass}
        disabled={pending || !online}
        aria-busy={pending}
        aria-describedby={online ? undefined : "settings-offline"}
      >
        {pending ? t("settings.saving") : t("settings.save")}
      </button>
      {online ? null : (
        <p id="settings-offline" role="status" className="text-sm font-medium text-muted">
          {t("settings.offlineSave")}
        </p>
      )}
    </form>
  );
}
