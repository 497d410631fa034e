import { CreateTaskInput, ListTasksQuery, TaskPage, TaskView } from "@/lib/contracts/task";
import { apiHandler } from "@/lib/http/api";
import { createTask } from "@/lib/services/tasks/create-task";
import { listTasks } from "@/lib/services/tasks/read-tasks";

export const GET = apiHandler({ query: ListTasksQuery, output: TaskPage }, ({ memberId, query }) =>
  listTasks(memberId, query),
);

export const POST = apiHandler(
  { body: CreateTaskInput, status: 201, output: TaskView, idempotent: true },
  ({ memberId, body }) => createTask(memberId, body),
);
