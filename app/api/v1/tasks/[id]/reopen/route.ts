import { EmptyBody, IdParams } from "@/lib/contracts/common";
import { TaskView } from "@/lib/contracts/task";
import { apiHandler } from "@/lib/http/api";
import { reopenTask } from "@/lib/services/tasks/complete-task";

export const POST = apiHandler(
  { params: IdParams, body: EmptyBody, output: TaskView, idempotent: true },
  ({ memberId, params }) => reopenTask(memberId, params.id),
);
