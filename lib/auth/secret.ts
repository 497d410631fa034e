// The secret that signs sessions and API tokens comes only from the environment (AUTH_SECRET, or next-auth's
// NEXTAUTH_SECRET). `npm run dev`/`npm start` create one for a local install and keep it in .data/ (never committed).
export function authSecret(): string {
  const secret = process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error("AUTH_SECRET is not set (at least 32 characters): see .env.example");
  }
  return secret;
}
