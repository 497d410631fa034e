"use client";
// The password change of the settings page: the current password and the new one. A success says that every
// other device was signed out (this one stays, with a fresh session); a refusal is shown under its field.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useMemo, useRef } from "react";
import { FormMessage, TextField, focusFirstProblem, primaryButtonClass } from "@/components/account/field";
import { actionError } from "@/lib/actions/result";
import { PASSWORD } from "@/lib/domain/limits";
import type { Locale } from "@/lib/domain/limits";
import { reason } from "@/lib/i18n/reasons";
import { CURRENT_PASSWORD_WRONG, NO_PASSWORD } from "@/lib/services/members/password-reasons";
import { changePasswordAction } from "./actions";

const MESSAGE_ID = "password-message";

export function PasswordForm({ locale }: { locale: Locale }) {
  const t = useTranslations("account");
  const formRef = useRef<HTMLFormElement>(null);
  const [result, formAction, pending] = useActionState(changePasswordAction, {});
  const refusal = useMemo(() => actionError(result), [result]);
  useEffect(() => {
    if (refusal) focusFirstProblem(formRef.current, MESSAGE_ID);
    else if (result.data) formRef.current?.reset();
  }, [refusal, result.data]);

  const errorsOf = (field: "currentPassword" | "newPassword") =>
    refusal?.fieldErrors[field]?.map((r) => {
      if (r === CURRENT_PASSWORD_WRONG) return t("settings.passwordWrong");
      if (r === NO_PASSWORD) return t("settings.noPassword");
      return locale === "ko" ? reason(t, r, locale) : `${t(`fields.${field}`)} ${r}.`;
    });

  return (
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-5">
      {refusal ? (
        <FormMessage id={MESSAGE_ID} tone="error">
          {refusal.code === "RATE_LIMITED"
            ? t("errors.tryLater")
            : refusal.code === "VALIDATION"
              ? t("errors.summary")
              : t("errors.generic")}
        </FormMessage>
      ) : result.data && !pending ? (
        <FormMessage id={MESSAGE_ID} tone="success">
          {t("settings.passwordChanged")}
        </FormMessage>
      ) : null}
      <TextField
        id="settings-current-password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        label={t("fields.currentPassword")}
        errors={errorsOf("currentPassword")}
        required
      />
      <TextField
        id="settings-new-password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        maxLength={PASSWORD.max}
        label={t("fields.newPassword")}
        hint={t("hints.password")}
        errors={errorsOf("newPassword")}
        required
      />
      <button type="submit" className={primaryButtonClass} disabled={pending} aria-busy={pending}>
        {pending ? t("settings.changingPassword") : t("settings.changePassword")}
      </button>
    </form>
  );
}
