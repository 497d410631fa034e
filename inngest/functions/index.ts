import { amqpPublish } from "./amqp-publish";
import { outboxSweep } from "./outbox-sweep";
import { scheduleReminder } from "./schedule-reminder";

export const functions = [outboxSweep, scheduleReminder, amqpPublish];
