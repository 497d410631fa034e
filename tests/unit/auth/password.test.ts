// Password hashing: scrypt with strong parameters stored with the hash, constant-time checks, decoy checks.
import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SCRYPT_PARAMS, hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from "@/lib/auth/password";

const b64 = (b: Buffer) => b.toString("base64").replace(/=+$/, "");

/** a hash made with weaker parameters, as an older version of the app might have stored */
function weakHash(password: string, ln = 14): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFC"), salt, 32, { N: 2 ** ln, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return `$scrypt$ln=${ln},r=8,p=1$${b64(salt)}$${b64(key)}`;
}

// each check costs about half a second of CPU (that is the point), more when other tests share the cores
describe("password hashing", { timeout: 60_000 }, () => {
  it("uses scrypt N=2^17, r=8, p=1 and stores the parameters with a random salt", async () => {
    expect(SCRYPT_PARAMS).toEqual({ ln: 17, r: 8, p: 1 });
    const [a, b] = await Promise.all([hashPassword("secret123"), hashPassword("secret123")]);
    expect(a).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b); // salted
    expect(a).not.toContain("secret123");
    expect(needsRehash(a)).toBe(false);
  });

  it("verifies the right password and refuses others", async () => {
    const hash = await hashPassword("secret123");
    expect(await verifyPassword("secret123", hash)).toBe(true);
    expect(await verifyPassword("secret124", hash)).toBe(false);
    expect(await verifyPassword("Secret123", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("compares passwords in one Unicode form (é typed composed or decomposed is the same password)", async () => {
    const hash = await hashPassword("caf\u00e9 1234");
    expect(await verifyPassword("cafe\u0301 1234", hash)).toBe(true);
  });

  it("keeps verifying hashes made with older parameters, and says they need a new hash", async () => {
    const old = weakHash("secret123");
    expect(await verifyPassword("secret123", old)).toBe(true);
    expect(await verifyPassword("secret12", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it("treats an unreadable or out-of-bounds hash as no match, never an exception", async () => {
    for (const stored of [
      "",
      "plain-text",
      "test-only:not-a-hash",
      "$scrypt$ln=30,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 2^30: refused, not run
      "$argon2id$v=19$m=65536,t=3,p=4$abc$def",
    ]) {
      expect(await verifyPassword("secret123", stored)).toBe(false);
      expect(needsRehash(stored)).toBe(true);
    }
  });

  it("spends one real check on the decoy and never matches", async () => {
    const started = performance.now();
    expect(await verifyAgainstDecoy("secret123")).toBe(false);
    // a real N=2^17 check takes far more than a millisecond: the decoy is not a shortcut
    expect(performance.now() - started).toBeGreaterThan(20);
  });
});
