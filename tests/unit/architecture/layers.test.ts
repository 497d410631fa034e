// The layering rules of docs/ARCHITECTURE.md live in eslint.config.mjs. Each is checked here against a
// deliberately wrong import (and a right one), so a config change that silently drops a rule fails a test.
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const RULE = "no-restricted-imports";
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: new URL("../../..", import.meta.url).pathname });
});

/** the no-restricted-imports messages for `code` as if it were the file at `filePath` */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe("the layers, as ESLint enforces them", { timeout: 60_000 }, () => {
  it("lib/domain imports only lib/domain", async () => {
    expect(await layerErrors("lib/domain/x.ts", `import { db } from "@/lib/db/client"; void db;`)).toHaveLength(1);
    expect(await layerErrors("lib/domain/x.ts", `import * as z from "zod"; void z;`)).toHaveLength(1);
    expect(
      await layerErrors(
        "lib/domain/x.ts",
        `import { inTransaction } from "../services/transaction"; void inTransaction;`,
      ),
    ).toHaveLength(1);
    expect(
      await layerErrors("lib/domain/x.ts", `import type { Tx } from "@/lib/services/transaction"; export type T = Tx;`),
    ).toHaveLength(1);
    // one folder down, the parent folder is still lib/domain; two levels up is not
    expect(
      await layerErrors("lib/domain/planner/x.ts", `import { localDate } from "../time"; void localDate;`),
    ).toEqual([]);
    expect(await layerErrors("lib/domain/planner/x.ts", `import { db } from "../../db/client"; void db;`)).toHaveLength(
      1,
    );
    expect(
      await layerErrors(
        "lib/domain/x.ts",
        `import { TITLE } from "./limits"; import { nextState } from "@/lib/domain/schedule-transitions"; void TITLE; void nextState;`,
      ),
    ).toEqual([]);
  });

  it("components never import services or the database (their types are fine)", async () => {
    const [message] = await layerErrors(
      "components/today/x.tsx",
      `import { listTasks } from "@/lib/services/tasks/read-tasks"; void listTasks;`,
    );
    expect(message).toMatch(/never import services or the database/);
    expect(await layerErrors("components/x.tsx", `import { db } from "@/lib/db/client"; void db;`)).toHaveLength(1);
    expect(
      await layerErrors(
        "components/x.tsx",
        `import type { TaskView } from "@/lib/services/views"; export type T = TaskView;`,
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        "components/x.tsx",
        `import { createTaskAction } from "@/app/(app)/tasks/actions"; void createTaskAction;`,
      ),
    ).toEqual([]);
  });

  it("lib/client never imports services, the database or app/", async () => {
    expect(
      await layerErrors("lib/client/x.ts", `import { scheduleView } from "../services/views"; void scheduleView;`),
    ).toHaveLength(1);
    expect(await layerErrors("lib/client/x.ts", `import { db } from "@/lib/db/client"; void db;`)).toHaveLength(1);
    const [message] = await layerErrors(
      "lib/client/x.ts",
      `import { transitionScheduleAction } from "@/app/(app)/schedules/actions"; void transitionScheduleAction;`,
    );
    expect(message).toMatch(/lib\/ never imports app\//);
  });

  it("nothing in lib/ imports app/", async () => {
    expect(
      await layerErrors("lib/services/x.ts", `import { POST } from "@/app/api/v1/tasks/route"; void POST;`),
    ).toHaveLength(1);
    expect(
      await layerErrors("lib/http/x.ts", `import { POST } from "../../app/api/v1/tasks/route"; void POST;`),
    ).toHaveLength(1);
    expect(await layerErrors("lib/services/x.ts", `import { db } from "@/lib/db/client"; void db;`)).toEqual([]);
    expect(await layerErrors("app/x.ts", `import { db } from "@/lib/db/client"; void db;`)).toEqual([]);
  });
});
