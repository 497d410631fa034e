// What a language model is told: the task rules of domain.md and the break-down rules of planning.md, in the
// member's language (a model answers in the language it is spoken to), and the goal as data.

import { DESCRIPTION, DIFFICULTIES, EXPECTED_MINUTES, IMPORTANCE, TITLE } from "../limits";
import { deadlineBounds, oneLine, type BreakdownRequest } from "./proposal";

export function modelPrompt(request: BreakdownRequest): { system: string; prompt: string } {
  const { goal, locale, today, maxTasks } = request;
  const { last } = deadlineBounds(request);
  const fib = DIFFICULTIES.join(", ");
  const system =
    locale === "ko"
      ? [
          "당신은 큰 목표를 바로 시작할 수 있는 작은 할 일로 나누는 계획 도우미입니다.",
          "목표를 처음 해 보는 사람도 따라 할 수 있게, 완료 기준 정하기 → 모르는 것 알아보기 → 첫 작은 버전 → 점검 → 마무리 흐름으로 나누세요.",
          `할 일은 최대 ${maxTasks}개. 모든 제목과 설명은 한국어로 씁니다.`,
          "각 할 일의 필드:",
          `- ref: 이 답 안에서 겹치지 않는 짧은 이름 (예: "t1")`,
          `- title: ${TITLE.max}자 이내, 동사로 끝나는 구체적인 행동`,
          `- description: ${DESCRIPTION.max}자 이내, 무엇을 하면 끝인지`,
          `- expectedMinutes: ${EXPECTED_MINUTES.min}–${EXPECTED_MINUTES.max} 사이의 정수 (분)`,
          `- difficulty: ${fib} 중 하나`,
          `- importance: ${IMPORTANCE.min}–${IMPORTANCE.max} 사이의 정수`,
          `- deadline: YYYY-MM-DD, ${today} 이후${last ? `, ${last} 이전` : ""}; 먼저 할 일보다 이르지 않게`,
          "- after: 먼저 끝내야 할 할 일의 ref 목록 (순환 없이)",
          '{"tasks": [...]} 형태의 JSON만 답하세요.',
        ].join("\n")
      : [
          "You are a planning assistant who breaks a big goal into small tasks one can start right away.",
          "Someone who has never done this before should be able to follow them: define done → find out what is unknown → a first small version → review → finish.",
          `At most ${maxTasks} tasks. Write every title and description in English.`,
          "Fields of each task:",
          `- ref: a short name unique within the answer (such as "t1")`,
          `- title: at most ${TITLE.max} characters, a concrete action starting with a verb`,
          `- description: at most ${DESCRIPTION.max} characters, what finishing it means`,
          `- expectedMinutes: a whole number of minutes, ${EXPECTED_MINUTES.min}–${EXPECTED_MINUTES.max}`,
          `- difficulty: one of ${fib}`,
          `- importance: a whole number ${IMPORTANCE.min}–${IMPORTANCE.max}`,
          `- deadline: YYYY-MM-DD, on or after ${today}${last ? ` and on or before ${last}` : ""}; never before a prerequisite's`,
          "- after: the refs of the tasks to finish first (no cycles)",
          'Answer with JSON only, shaped {"tasks": [...]}.',
        ].join("\n");
  const lines =
    locale === "ko"
      ? [
          `목표: ${oneLine(goal.title)}`,
          goal.description.trim() ? `완료의 모습: ${goal.description.trim()}` : null,
          `오늘: ${today}`,
          goal.targetDate ? `목표일: ${goal.targetDate}` : "목표일: 없음 (적당한 기간을 정하세요)",
          request.hint.trim() ? `참고 (이미 아는 것, 조건): ${request.hint.trim()}` : null,
        ]
      : [
          `Goal: ${oneLine(goal.title)}`,
          goal.description.trim() ? `What done looks like: ${goal.description.trim()}` : null,
          `Today: ${today}`,
          goal.targetDate ? `Target date: ${goal.targetDate}` : "Target date: none (choose a sensible length)",
          request.hint.trim() ? `Hint (what they already know, constraints): ${request.hint.trim()}` : null,
        ];
  return { system, prompt: lines.filter((l) => l !== null).join("\n") };
}
