// Push: show each reminder once; a duplicate replaces it silently; a malformed push gets a generic notice (imported by public/sw.js; shares its global scope)
"use strict";

self.addEventListener("push", (event) => event.waitUntil(onPush(event.data)));

/** @param {PushMessageData | null} data */
async function onPush(data) {
  const reminder = reminderFrom(pushJson(data));
  if (!reminder) {
    // Showing nothing would make Chromium show its own "updated in the background" notice, so a push this
    // version cannot read (a bug, a newer server) gets a generic notice that repeats nothing from the payload.
    await showNotice();
    await tellPages({ type: "pinit:push", outcome: "malformed" });
    return;
  }
  let first = true;
  try {
    first = await claimKey(reminder.key, Date.now());
  } catch (error) {
    // without IndexedDB a rare double is better than a lost reminder
    console.warn("[pinit] could not record the reminder; showing it anyway", error);
  }
  // A duplicate is shown again under the same tag with renotify: false: it replaces the first without a second
  // alert (dropping it would bring Chromium's own notice). The first showing alerts because its tag is new.
  await showReminder(reminder);
  await tellPages({ type: "pinit:push", outcome: first ? "shown" : "duplicate", key: reminder.key });
}

/**
 * Each showing gets an occurrence id of its own, which keys its actions (sw/clicks.js): two taps on one
 * notification send one key, while the reminder shown again later (after a stop or a reset the same start is
 * reminded of under the same reminder key) gets a new one, so its Start is not answered from the first one's.
 * @param {Reminder} reminder
 */
function showReminder(reminder) {
  const lang = language();
  const text = TEXTS[lang];
  const time = new Intl.DateTimeFormat(lang, { hour: "numeric", minute: "2-digit" }).format(new Date(reminder.startAt));
  return self.registration.showNotification(reminder.title, {
    body: text.startsAt.replace("{time}", time),
    tag: reminder.key,
    renotify: false,
    lang,
    data: {
      key: reminder.key,
      occurrence: self.crypto.randomUUID(),
      scheduleId: reminder.scheduleId,
      url: reminder.url,
    },
    // Chromium shows these buttons; Safari and Firefox ignore them and a click opens the app
    actions: [
      { action: "start", title: text.start },
      { action: "snooze", title: text.snooze },
    ],
  });
}

function showNotice() {
  const text = TEXTS[language()];
  return self.registration.showNotification(text.noticeTitle, {
    body: text.noticeBody,
    tag: NOTICE_TAG,
    renotify: false,
    data: { url: HOME_PATH },
  });
}

/** tells open Pinit pages what arrived (the app may refresh; tests observe the outcome) */
async function tellPages(/** @type {object} */ message) {
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const page of pages) page.postMessage(message);
}

// A browser may replace a subscription (Firefox does, on key rotation): register the new one, forget the old.
self.addEventListener("pushsubscriptionchange", (event) => event.waitUntil(onSubscriptionChange(event)));

/** @param {any} event a PushSubscriptionChangeEvent (not in every browser's typings) */
async function onSubscriptionChange(event) {
  const old = event.oldSubscription;
  const renewed = event.newSubscription || (old ? await self.registration.pushManager.subscribe(old.options) : null);
  if (renewed) await request("POST", "/api/v1/push/subscriptions", renewed.toJSON());
  if (old && (!renewed || renewed.endpoint !== old.endpoint)) {
    await request("DELETE", "/api/v1/push/subscriptions", { endpoint: old.endpoint });
  }
}
