"use client";
// The sign-in form: checks the fields with the token contract, then signs in through next-auth and goes on
// to the page the visitor came from. Wrong credentials, throttling and server trouble each get their message.
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import {
  FormMessage,
  TextField,
  focusFirstProblem,
  primaryButtonClass,
  secondaryButtonClass,
} from "@/components/account/field";
import { signInWithPassword, startOAuthSignIn, type SignInOutcome } from "@/lib/auth/browser";
import type { Locale } from "@/lib/domain/limits";
import { reason, type FieldName } from "@/lib/i18n/reasons";

type Props = {
  locale: Locale;
  callbackUrl: string;
  initialError: string | null;
  providers: { id: string; name: string }[];
  signUpHref: string;
};

const FORM_MESSAGE_ID = "signin-message";

/** the token contract (and zod with it): fetched when the form is first focused, not with the page */
const loadTokenInput = () => import("./token-input").then((m) => m.TokenInput);

export function SignInForm({ locale, callbackUrl, initialError, providers, signUpHref }: Props) {
  const t = useTranslations("account");
  const formRef = useRef<HTMLFormElement>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  function outcomeMessage(outcome: Exclude<SignInOutcome, { ok: true }>): string {
    switch (outcome.error) {
      case "CredentialsSignin":
        return t("errors.wrongCredentials");
      case "RATE_LIMITED":
        return outcome.retryAfterSeconds
          ? t("errors.rateLimited", { minutes: Math.ceil(outcome.retryAfterSeconds / 60) })
          : t("errors.rateLimitedLater");
      case "NETWORK":
        return t("errors.network");
      default:
        return t("errors.generic");
    }
  }

  function refuse(message: string | null, errors: Partial<Record<FieldName, string[]>> = {}) {
    setFieldErrors(errors);
    setFormError(message);
    setPending(false);
    // after React has shown the messages
    requestAnimationFrame(() => focusFirstProblem(formRef.current, FORM_MESSAGE_ID));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    let TokenInput: Awaited<ReturnType<typeof loadTokenInput>>;
    try {
      TokenInput = await loadTokenInput();
    } catch {
      return refuse(t("errors.network"));
    }
    const parsed = TokenInput.safeParse({ username: data.get("username") ?? "", password: data.get("password") ?? "" });
    if (!parsed.success) {
      const errors: Partial<Record<FieldName, string[]>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === "username" || field === "password")
          (errors[field] ??= []).push(reason(t, issue.message, locale, field));
      }
      return refuse(t("errors.summary"), errors);
    }
    setPending(true);
    setFormError(null);
    const outcome = await signInWithPassword(parsed.data.username, parsed.data.password, callbackUrl);
    // a full load, so that every server component sees the new session
    if (outcome.ok) return window.location.assign(callbackUrl);
    refuse(outcomeMessage(outcome));
  }

  async function withProvider(id: string) {
    setPending(true);
    const outcome = await startOAuthSignIn(id, callbackUrl);
    if (!outcome.ok) refuse(outcomeMessage(outcome));
  }

  // wrong credentials concern both fields, without saying which one was wrong
  const credentialError = formError === t("errors.wrongCredentials");
  return (
    <div className="flex flex-col gap-6">
      <form
        ref={formRef}
        onSubmit={onSubmit}
        onFocus={() => void loadTokenInput().catch(() => {})}
        method="post"
        action="/api/auth/callback/credentials"
        noValidate
        className="flex flex-col gap-5"
      >
        <noscript>
          <p className="text-sm font-medium text-red-700 dark:text-red-300">{t("signIn.needsScript")}</p>
        </noscript>
        {formError ? (
          <FormMessage id={FORM_MESSAGE_ID} tone="error">
            {formError}
          </FormMessage>
        ) : null}
        <TextField
          id="signin-username"
          name="username"
          label={t("fields.username")}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          errors={fieldErrors.username}
          alsoDescribedBy={credentialError ? FORM_MESSAGE_ID : undefined}
        />
        <TextField
          id="signin-password"
          name="password"
          type="password"
          label={t("fields.password")}
          autoComplete="current-password"
          required
          errors={fieldErrors.password}
          alsoDescribedBy={credentialError ? FORM_MESSAGE_ID : undefined}
        />
        <button type="submit" className={primaryButtonClass} disabled={pending} aria-busy={pending}>
          {pending ? t("signIn.submitting") : t("signIn.submit")}
        </button>
      </form>

      {providers.length > 0 ? (
        <div className="flex flex-col gap-3">
          <p className="text-center text-sm text-muted">{t("signIn.or")}</p>
          {providers.map((p) => (
            <button
              key={p.id}
              type="button"
              className={secondaryButtonClass}
              disabled={pending}
              onClick={() => withProvider(p.id)}
            >
              {t("signIn.withProvider", { name: p.name })}
            </button>
          ))}
        </div>
      ) : null}

      <p className="text-center text-sm">
        {t("signIn.noAccount")}{" "}
        <a href={signUpHref} className="font-semibold text-brand underline underline-offset-4">
          {t("signIn.toSignUp")}
        </a>
      </p>
    </div>
  );
}
