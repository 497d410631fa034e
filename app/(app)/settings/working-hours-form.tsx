"use client";
// The working-hours section of the settings page: for each weekday its intervals (none is a day off), and the
// buffer between planned blocks. The whole week is sent at once (PATCH /me replaces it); a refusal is shown under
// the row, day or field it names ("workingHours.1.0.end"), and the keyboard goes to the first one.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import {
  FormMessage,
  TextField,
  focusFirstProblem,
  primaryButtonClass,
  secondaryButtonClass,
} from "@/components/account/field";
import { actionError } from "@/lib/actions/result";
import type { WorkingHours } from "@/lib/domain/goals/working-hours";
import { BUFFER_MINUTES, ISO_WEEKDAYS, MAX_WORKING_INTERVALS_PER_DAY, type IsoWeekday } from "@/lib/domain/limits";
import { reason } from "@/lib/i18n/reasons";
import type { MemberView } from "@/lib/services/views";
import { updateWorkingHoursAction } from "./actions";

const MESSAGE_ID = "working-hours-message";
const timeInputClass =
  "min-h-12 w-28 rounded-lg border border-line bg-surface px-3 text-base text-ink shadow-sm " +
  "aria-[invalid=true]:border-red-700 dark:aria-[invalid=true]:border-red-400";

/** one end of an interval: "HH:MM" typed as digits */
function WallTimeField(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  describedBy: string | undefined;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      {props.label}
      <input
        className={timeInputClass}
        inputMode="numeric"
        placeholder={props.placeholder}
        pattern="\d{2}:\d{2}"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
      />
    </label>
  );
}

export function WorkingHoursForm({ member }: { member: MemberView }) {
  const t = useTranslations("account");
  const formRef = useRef<HTMLFormElement>(null);
  const [result, formAction, pending] = useActionState(updateWorkingHoursAction, {});
  const [week, setWeek] = useState<WorkingHours>(member.workingHours);
  const [buffer, setBuffer] = useState(String(member.bufferMinutes));

  const refusal = useMemo(() => actionError(result), [result]);
  useEffect(() => {
    if (refusal) focusFirstProblem(formRef.current, MESSAGE_ID);
  }, [refusal]);
  const errorsAt = (path: string) => refusal?.fieldErrors[path]?.map((r) => reason(t, r, member.locale));

  const change = (day: IsoWeekday, index: number, end: "start" | "end", value: string) =>
    setWeek((w) => ({
      ...w,
      [day]: w[day].map((interval, i) => (i === index ? { ...interval, [end]: value } : interval)),
    }));
  const add = (day: IsoWeekday) =>
    setWeek((w) => {
      const last = w[day].at(-1);
      const next = last && last.end < "23:00" ? { start: last.end, end: "24:00" } : { start: "09:00", end: "18:00" };
      return { ...w, [day]: [...w[day], next] };
    });
  const remove = (day: IsoWeekday, index: number) =>
    setWeek((w) => ({ ...w, [day]: w[day].filter((_, i) => i !== index) }));
  const saved = result.data && !pending;

  return (
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-5">
      <p className="text-muted">{t("workingHours.intro", { zone: member.timezone })}</p>
      {refusal ? (
        <FormMessage id={MESSAGE_ID} tone="error">
          {refusal.code === "VALIDATION" ? t("errors.summary") : t("errors.generic")}
        </FormMessage>
      ) : saved ? (
        <FormMessage id={MESSAGE_ID} tone="success">
          {t("settings.saved")}
        </FormMessage>
      ) : null}
      <input type="hidden" name="workingHours" value={JSON.stringify(week)} />
      {ISO_WEEKDAYS.map((day) => {
        const dayErrors = errorsAt(`workingHours.${day}`);
        return (
          <fieldset key={day} className="flex flex-col gap-2 border-t border-line pt-3" data-weekday={day}>
            <legend className="font-medium">{t(`workingHours.weekdays.${day}`)}</legend>
            {week[day].length === 0 ? <p className="text-sm text-muted">{t("workingHours.off")}</p> : null}
            {week[day].map((interval, i) => {
              const id = `working-hours-${day}-${i}`;
              const rowErrors = [
                ...(errorsAt(`workingHours.${day}.${i}`) ?? []),
                ...(errorsAt(`workingHours.${day}.${i}.start`) ?? []),
                ...(errorsAt(`workingHours.${day}.${i}.end`) ?? []),
              ];
              const startInvalid = Boolean(
                errorsAt(`workingHours.${day}.${i}.start`)?.length || errorsAt(`workingHours.${day}.${i}`)?.length,
              );
              const endInvalid = Boolean(errorsAt(`workingHours.${day}.${i}.end`)?.length);
              const describedBy = rowErrors.length > 0 ? `${id}-errors` : undefined;
              return (
                <div key={i} className="flex flex-wrap items-end gap-3">
                  <WallTimeField
                    label={t("workingHours.start")}
                    placeholder="09:00"
                    value={interval.start}
                    onChange={(value) => change(day, i, "start", value)}
                    invalid={startInvalid}
                    describedBy={describedBy}
                  />
                  <WallTimeField
                    label={t("workingHours.end")}
                    placeholder="18:00"
                    value={interval.end}
                    onChange={(value) => change(day, i, "end", value)}
                    invalid={endInvalid}
                    describedBy={describedBy}
                  />
                  <button
                    type="button"
                    className="min-h-12 rounded-lg border border-line px-4 text-sm font-semibold text-brand hover:bg-surface-tint"
                    onClick={() => remove(day, i)}
                    aria-label={`${t(`workingHours.weekdays.${day}`)} ${interval.start}–${interval.end}: ${t("workingHours.remove")}`}
                  >
                    {t("workingHours.remove")}
                  </button>
                  {rowErrors.length > 0 ? (
                    <ul id={`${id}-errors`} className="w-full text-sm font-medium text-red-700 dark:text-red-300">
                      {rowErrors.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              );
            })}
            {dayErrors?.length ? (
              <ul className="text-sm font-medium text-red-700 dark:text-red-300">
                {dayErrors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : null}
            {week[day].length < MAX_WORKING_INTERVALS_PER_DAY ? (
              <div>
                <button type="button" className={`${secondaryButtonClass} sm:w-auto`} onClick={() => add(day)}>
                  {t("workingHours.add")}
                </button>
              </div>
            ) : null}
          </fieldset>
        );
      })}
      <TextField
        id="settings-buffer"
        name="bufferMinutes"
        type="number"
        inputMode="numeric"
        min={BUFFER_MINUTES.min}
        max={BUFFER_MINUTES.max}
        step={1}
        label={t("fields.bufferMinutes")}
        hint={t("workingHours.bufferHint")}
        errors={refusal?.fieldErrors.bufferMinutes?.map((r) => reason(t, r, member.locale, "bufferMinutes"))}
        value={buffer}
        onChange={(e) => setBuffer(e.target.value)}
      />
      <button type="submit" className={primaryButtonClass} disabled={pending} aria-busy={pending}>
        {pending ? t("settings.saving") : t("workingHours.save")}
      </button>
    </form>
  );
}
