import { IdParams } from "@/lib/contracts/common";
import { DeleteTaskQuery, TaskView, UpdateTaskInput } from "@/lib/contracts/task";
import { apiHandler } from "@/lib/http/api";
import { deleteTask } from "@/lib/services/tasks/delete-task";
import { getTask } from "@/lib/services/tasks/read-tasks";
import { updateTask } from "@/lib/services/tasks/update-task";

export const GET = apiHandler({ params: IdParams, output: TaskView }, ({ memberId, params }) =>
  getTask(memberId, params.id),
);

export const PATCH = apiHandler(
  { params: IdParams, body: UpdateTaskInput, output: TaskView },
  ({ memberId, params, body }) => updateTask(memberId, params.id, body),
);

export const DELETE = apiHandler(
  { params: IdParams, query: DeleteTaskQuery, status: 204 },
  async ({ memberId, params, query }) => {
    await deleteTask(memberId, params.id, query);
  },
);
