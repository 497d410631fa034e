// The notes a proposal carries, in the member's language: what the planner assumed, what it repaired in a
// model's answer, and why it fell back to the offline plan.

import type { Locale } from "../limits";

const list = (items: readonly string[], locale: Locale) => items.join(locale === "ko" ? ", " : ", ");
const quoted = (s: string, locale: Locale) => (locale === "ko" ? `'${s}'` : `“${s}”`);

export const NOTES = {
  recognised: (locale: Locale, kindName: string, keywords: readonly string[]) =>
    locale === "ko"
      ? `'${kindName}' 목표로 보고 계획했어요 (찾은 단어: ${list(keywords, locale)}).`
      : `Planned as ${kindName} (found: ${list(keywords, locale)}).`,
  generic: (locale: Locale) =>
    locale === "ko"
      ? "익숙한 종류의 목표를 찾지 못해 일반 흐름으로 계획했어요: 완료 기준 → 모르는 것 찾기 → 첫 작은 버전 → 점검 → 마무리."
      : "No familiar kind of goal recognised, so this is the general arc: define done → find out what you do not know → first small version → review → finish.",
  spreadToTarget: (locale: Locale, today: string, target: string) =>
    locale === "ko"
      ? `마감일을 오늘(${today})부터 목표일(${target})까지 나눴어요.`
      : `Deadlines are spread from today (${today}) to the target date (${target}).`,
  spreadStated: (locale: Locale, days: number, phrase: string) =>
    locale === "ko"
      ? `목표일이 없어 목표에 적힌 기간(${quoted(phrase, locale)})대로 ${days}일에 걸쳐 마감일을 나눴어요.`
      : `No target date: deadlines are spread over ${days} days, as the goal says (${quoted(phrase, locale)}).`,
  spreadDefault: (locale: Locale, days: number) =>
    locale === "ko"
      ? `목표일이 없어 이런 목표에 흔한 ${days}일에 걸쳐 마감일을 나눴어요. 목표일을 정하면 그에 맞춰 나눠요.`
      : `No target date: deadlines are spread over ${days} days, a usual length for this kind of goal. Set a target date to change it.`,
  targetPassed: (locale: Locale, target: string) =>
    locale === "ko"
      ? `목표일(${target})이 지나서 모든 마감일을 오늘로 잡았어요. 목표일을 옮기면 나눠서 잡아요.`
      : `The target date (${target}) has passed, so every deadline is today. Move the target date to spread them.`,
  merged: (locale: Locale, maxTasks: number, titles: readonly string[]) =>
    locale === "ko"
      ? `${maxTasks}개 이내로 맞추려고 ${titles.length}단계를 다른 할 일에 합쳤어요: ${list(titles, locale)}.`
      : `To fit ${maxTasks} tasks, ${titles.length} steps were merged into others: ${list(titles, locale)}.`,
  hintKept: (locale: Locale) =>
    locale === "ko"
      ? "알려 주신 내용은 첫 할 일의 설명에 적어 두었어요."
      : "Your hint is kept in the first task's description.",

  // repairs of a model's answer
  droppedUntitled: (locale: Locale, position: number) =>
    locale === "ko" ? `제목이 없는 ${position}번째 할 일을 뺐어요.` : `Task ${position} had no title and was dropped.`,
  refAssigned: (locale: Locale, position: number, ref: string) =>
    locale === "ko"
      ? `${position}번째 할 일에 참조 이름 ${ref}를 붙였어요.`
      : `Task ${position} had no usable ref; it is now ${ref}.`,
  duplicateRef: (locale: Locale, ref: string) =>
    locale === "ko"
      ? `참조 이름 ${ref}가 겹쳐 뒤의 할 일을 뺐어요.`
      : `Ref ${ref} was used twice; the later task was dropped.`,
  titleShortened: (locale: Locale, ref: string) =>
    locale === "ko" ? `${ref}의 제목을 40자로 줄였어요.` : `The title of ${ref} was shortened to 40 characters.`,
  descriptionShortened: (locale: Locale, ref: string) =>
    locale === "ko"
      ? `${ref}의 설명을 500자로 줄였어요.`
      : `The description of ${ref} was shortened to 500 characters.`,
  difficultyRounded: (locale: Locale, ref: string, from: string, to: number) =>
    locale === "ko"
      ? `${ref}의 난이도 ${from}을(를) 가장 가까운 피보나치 수 ${to}(으)로 바꿨어요.`
      : `The difficulty of ${ref} (${from}) became the nearest Fibonacci value, ${to}.`,
  importanceClamped: (locale: Locale, ref: string, from: string, to: number) =>
    locale === "ko"
      ? `${ref}의 중요도 ${from}을(를) ${to}(으)로 맞췄어요 (1–9).`
      : `The importance of ${ref} (${from}) became ${to} (1–9).`,
  minutesClamped: (locale: Locale, ref: string, from: string, to: number) =>
    locale === "ko"
      ? `${ref}의 예상 시간 ${from}분을 ${to}분으로 맞췄어요 (1–1440).`
      : `The expected minutes of ${ref} (${from}) became ${to} (1–1440).`,
  minutesEstimated: (locale: Locale, ref: string, to: number) =>
    locale === "ko"
      ? `${ref}의 예상 시간이 없어 난이도로 ${to}분을 잡았어요.`
      : `${ref} had no expected minutes; ${to} from its difficulty.`,
  deadlineMoved: (locale: Locale, ref: string, from: string, to: string) =>
    locale === "ko"
      ? `${ref}의 마감일 ${from}을(를) ${to}(으)로 옮겼어요.`
      : `The deadline of ${ref} moved from ${from} to ${to}.`,
  deadlineSet: (locale: Locale, ref: string, to: string) =>
    locale === "ko" ? `${ref}의 마감일이 없어 ${to}(으)로 잡았어요.` : `${ref} had no valid deadline; it is now ${to}.`,
  deadlineAfterPrerequisites: (locale: Locale, ref: string, to: string) =>
    locale === "ko"
      ? `${ref}의 마감일을 먼저 할 일보다 늦은 ${to}(으)로 옮겼어요.`
      : `The deadline of ${ref} moved to ${to}, not before its prerequisites'.`,
  unknownRef: (locale: Locale, ref: string, unknown: string) =>
    locale === "ko"
      ? `${ref}가 없는 할 일 ${unknown}을(를) 가리켜 그 연결을 뺐어요.`
      : `${ref} named an unknown task (${unknown}); that edge was dropped.`,
  selfEdge: (locale: Locale, ref: string) =>
    locale === "ko"
      ? `${ref}가 자기 자신을 먼저 할 일로 가리켜 그 연결을 뺐어요.`
      : `${ref} named itself as a prerequisite; that edge was dropped.`,
  cycleEdge: (locale: Locale, previous: string, next: string) =>
    locale === "ko"
      ? `${previous} → ${next} 연결은 순환을 만들어서 뺐어요.`
      : `The edge ${previous} → ${next} closed a cycle and was dropped.`,
  truncated: (locale: Locale, kept: number, total: number) =>
    locale === "ko"
      ? `할 일 ${total}개 중 앞의 ${kept}개만 남겼어요.`
      : `Only the first ${kept} of ${total} tasks were kept.`,

  // the language model
  usedModel: (locale: Locale, model: string) =>
    locale === "ko"
      ? `${model} 모델이 제안했어요. 저장하기 전에 고쳐도 돼요.`
      : `Proposed by the model ${model}; edit freely before saving.`,
  fellBack: (locale: Locale, reason: string) =>
    locale === "ko"
      ? `언어 모델의 답을 쓸 수 없어 내장 플래너로 계획했어요: ${reason}`
      : `The language model's answer could not be used, so this is the built-in plan: ${reason}`,
  reasonTimeout: (locale: Locale, ms: number) =>
    locale === "ko" ? `${ms}ms 안에 답하지 않았어요.` : `it did not answer within ${ms} ms.`,
  reasonHttp: (locale: Locale, status: number) =>
    locale === "ko" ? `서버가 HTTP ${status}(으)로 답했어요.` : `the server answered HTTP ${status}.`,
  reasonUnreachable: (locale: Locale, detail: string) =>
    locale === "ko" ? `서버에 연결하지 못했어요 (${detail}).` : `the server could not be reached (${detail}).`,
  reasonMalformed: (locale: Locale) =>
    locale === "ko" ? "답이 올바른 JSON이 아니었어요." : "its answer was not valid JSON.",
  reasonSchema: (locale: Locale, detail: string) =>
    locale === "ko"
      ? `답의 형식이 맞지 않았어요 (${detail}).`
      : `its answer did not have the expected shape (${detail}).`,
  reasonWrongLanguage: (locale: Locale) =>
    locale === "ko" ? "답이 한국어가 아니었어요." : "its answer was not in English.",
  reasonNothingLeft: (locale: Locale) =>
    locale === "ko" ? "고치고 나니 쓸 수 있는 할 일이 남지 않았어요." : "no usable task was left after repair.",
  reasonConfig: (locale: Locale, detail: string) =>
    locale === "ko" ? `설정이 올바르지 않아요 (${detail}).` : `the configuration is invalid (${detail}).`,
  reasonOther: (locale: Locale, detail: string) =>
    locale === "ko" ? `오류가 났어요 (${detail}).` : `it failed (${detail}).`,
};
