// The words of the account pages (sign-in, sign-up, settings, the minimal today page), in Korean and English.
// A plain dictionary until next-intl arrives. Refusal reasons come from the zod contracts in English and
// are translated by `reason()` below, so validation stays in one place (lib/contracts).
import type { Locale } from "@/lib/domain/limits";

const ko = {
  langName: "한국어",
  appName: "Pinit",
  fields: {
    username: "아이디",
    password: "비밀번호",
    nickname: "닉네임",
    timezone: "시간대",
    dailyGoalMinutes: "하루 목표 (분)",
    reminderLeadMinutes: "미리 알림",
    locale: "언어",
  },
  hints: {
    username: "4–20자, 영문 소문자·숫자·_·. 만 쓸 수 있습니다.",
    password: "8–64자, 문자와 숫자를 하나 이상 넣어 주세요.",
    nickname: "1–20자. 비워 두면 아이디를 씁니다.",
    timezone: (zone: string) => `시간대: ${zone} (설정에서 바꿀 수 있습니다)`,
    dailyGoalMinutes: "1–1440분",
  },
  signIn: {
    title: "로그인",
    submit: "로그인",
    submitting: "로그인하는 중…",
    noAccount: "아직 계정이 없나요?",
    toSignUp: "회원가입",
    or: "또는",
    withProvider: (name: string) => `${name}로 로그인`,
    needsScript: "로그인하려면 브라우저에서 JavaScript를 켜 주세요.",
  },
  signUp: {
    title: "회원가입",
    submit: "가입하기",
    submitting: "가입하는 중…",
    haveAccount: "이미 계정이 있나요?",
    toSignIn: "로그인",
  },
  errors: {
    summary: "입력한 내용을 확인해 주세요.",
    wrongCredentials: "아이디 또는 비밀번호가 올바르지 않습니다.",
    rateLimited: (minutes: number) => `로그인 시도가 너무 많습니다. ${minutes}분 뒤에 다시 시도해 주세요.`,
    rateLimitedLater: "로그인 시도가 너무 많습니다. 잠시 뒤에 다시 시도해 주세요.",
    oauth: "외부 계정으로 로그인하지 못했습니다. 다시 시도해 주세요.",
    accessDenied: "로그인이 취소되었습니다.",
    sessionEnded: "로그인이 만료되었습니다. 다시 로그인해 주세요.",
    generic: "문제가 생겼습니다. 잠시 뒤에 다시 시도해 주세요.",
    network: "서버에 연결하지 못했습니다. 네트워크를 확인해 주세요.",
  },
  today: {
    title: "오늘",
    greeting: (nickname: string) => `${nickname}님, 오늘도 시작해 볼까요?`,
  },
  nav: { label: "주 메뉴", today: "오늘", settings: "설정" },
  settings: {
    title: "설정",
    profile: "프로필과 환경",
    save: "저장",
    saving: "저장하는 중…",
    saved: "저장했습니다.",
    leadAtStart: "시작할 때",
    leadMinutes: (m: number) => `${m}분 전`,
    account: "계정",
    signedInAs: (name: string) => `${name}(으)로 로그인했습니다.`,
    signedInWithProvider: "외부 계정으로 로그인했습니다.",
    signOut: "로그아웃",
  },
};

type Messages = typeof ko;

const en: Messages = {
  langName: "English",
  appName: "Pinit",
  fields: {
    username: "Username",
    password: "Password",
    nickname: "Nickname",
    timezone: "Time zone",
    dailyGoalMinutes: "Daily goal (minutes)",
    reminderLeadMinutes: "Remind me",
    locale: "Language",
  },
  hints: {
    username: "4–20 characters: lowercase letters, digits, _ and .",
    password: "8–64 characters with at least one letter and one digit.",
    nickname: "1–20 characters. Leave it empty to use your username.",
    timezone: (zone: string) => `Time zone: ${zone} (you can change it in settings)`,
    dailyGoalMinutes: "1–1440 minutes",
  },
  signIn: {
    title: "Sign in",
    submit: "Sign in",
    submitting: "Signing in…",
    noAccount: "No account yet?",
    toSignUp: "Sign up",
    or: "or",
    withProvider: (name: string) => `Sign in with ${name}`,
    needsScript: "Please turn on JavaScript in your browser to sign in.",
  },
  signUp: {
    title: "Sign up",
    submit: "Create account",
    submitting: "Creating your account…",
    haveAccount: "Already have an account?",
    toSignIn: "Sign in",
  },
  errors: {
    summary: "Please check the fields below.",
    wrongCredentials: "The username or password is not correct.",
    rateLimited: (minutes: number) =>
      `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    rateLimitedLater: "Too many sign-in attempts. Please try again later.",
    oauth: "Signing in with that account did not work. Please try again.",
    accessDenied: "Sign-in was cancelled.",
    sessionEnded: "Your session has ended. Please sign in again.",
    generic: "Something went wrong. Please try again in a moment.",
    network: "Could not reach the server. Please check your connection.",
  },
  today: {
    title: "Today",
    greeting: (nickname: string) => `Hello, ${nickname}. Ready to start?`,
  },
  nav: { label: "Main", today: "Today", settings: "Settings" },
  settings: {
    title: "Settings",
    profile: "Profile and preferences",
    save: "Save",
    saving: "Saving…",
    saved: "Saved.",
    leadAtStart: "At the start",
    leadMinutes: (m: number) => `${m} minutes before`,
    account: "Account",
    signedInAs: (name: string) => `Signed in as ${name}.`,
    signedInWithProvider: "Signed in with an external account.",
    signOut: "Sign out",
  },
};

const MESSAGES: Record<Locale, Messages> = { ko, en };

export function messages(locale: Locale): Messages {
  return MESSAGES[locale];
}

export type { Messages };
export type FieldName = keyof Messages["fields"];

// ---------------------------------------------------------------------------------------------
// Refusal reasons (lib/contracts and the services say them in English, without the field's name)
// ---------------------------------------------------------------------------------------------

const KO_REASONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^is required$/, () => "필수 항목입니다."],
  [/^must not be empty$/, () => "입력해 주세요."],
  [/^must not be blank$/, () => "비워 둘 수 없습니다."],
  [/^must be text$/, () => "글자로 입력해 주세요."],
  [/^must be at least (\d+) characters?$/, (m) => `${m[1]}자 이상이어야 합니다.`],
  [/^must be at most (\d+) characters?$/, (m) => `${m[1]}자 이하여야 합니다.`],
  [/^may contain only lowercase letters, digits, _ and \.$/, () => "영문 소문자, 숫자, _, . 만 쓸 수 있습니다."],
  [/^must contain at least one letter and one digit$/, () => "문자와 숫자를 하나 이상 넣어야 합니다."],
  [/^must be one line without control characters$/, () => "제어 문자 없이 한 줄로 입력해 주세요."],
  [/^must be valid Unicode text$/, () => "올바른 글자가 아닙니다."],
  [/^must be an IANA time zone name/, () => "목록에 있는 시간대를 골라 주세요."],
  [/^must be a whole number$/, () => "정수로 입력해 주세요."],
  [/^must be at least (-?\d+)$/, (m) => `${m[1]} 이상이어야 합니다.`],
  [/^must be at most (-?\d+)$/, (m) => `${m[1]} 이하여야 합니다.`],
  [/^must be one of (.+)$/, (m) => `다음 중 하나여야 합니다: ${m[1]}.`],
  [/^is already taken$/, () => "이미 사용 중인 아이디입니다."],
  [/^is not a known field$/, () => "알 수 없는 항목입니다."],
];

/** one refusal reason as a sentence in the page's language ("must be at least 4 characters" → "4자 이상이어야 합니다.") */
export function reason(text: string, locale: Locale, field?: FieldName): string {
  if (locale === "ko") {
    for (const [pattern, say] of KO_REASONS) {
      const match = pattern.exec(text);
      if (match) return say(match);
    }
    return text;
  }
  const label = field ? messages("en").fields[field].replace(/ \(.*\)$/, "") : "";
  const sentence = label ? `${label} ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
