// POST /api/v1/push/subscriptions — register this device for reminders (201)
// DELETE /api/v1/push/subscriptions — forget it (204, also when it was not registered: nothing leaks)
import { DeletePushSubscriptionInput, PushSubscriptionInput } from "@/lib/contracts/push";
import { apiHandler } from "@/lib/http/api";
import { PushDeviceView } from "@/lib/push/contracts";
import { subscribeDevice, unsubscribeDevice } from "@/lib/services/push/subscriptions";

export const POST = apiHandler(
  { body: PushSubscriptionInput, status: 201, output: PushDeviceView, idempotent: true },
  async ({ memberId, body }) => {
    const device = await subscribeDevice(memberId, body);
    // a replayed answer is the stored JSON, where createdAt is already text
    return {
      id: device.id,
      transport: device.transport,
      createdAt: new Date(device.createdAt).toISOString(),
    } satisfies PushDeviceView;
  },
);

export const DELETE = apiHandler({ body: DeletePushSubscriptionInput, status: 204 }, async ({ memberId, body }) => {
  await unsubscribeDevice(
    memberId,
    body.kind === "webpush" ? { endpoint: body.endpoint } : { fcmToken: body.fcmToken },
  );
});
