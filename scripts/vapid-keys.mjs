// Prints a new VAPID key pair for web push, as lines for .env:
//   node scripts/vapid-keys.mjs >> .env
// Then set VAPID_SUBJECT (mailto:you@example.com or an https URL) beside them. Keep the private key secret.
// Replacing the pair later makes every existing browser subscription useless: members turn reminders on again.
import webpush from "web-push";

const { publicKey, privateKey } = webpush.generateVAPIDKeys();
process.stdout.write(`VAPID_PUBLIC_KEY=${publicKey}\nVAPID_PRIVATE_KEY=${privateKey}\n`);
if (process.stdout.isTTY) {
  process.stderr.write("# also set VAPID_SUBJECT=mailto:you@example.com (a contact push services can reach)\n");
}
