import "server-only";
// Password hashing: scrypt (memory-hard, in Node's crypto; argon2id would need a native package) with
// N = 2^17, r = 8, p = 1, which costs about 128 MiB and half a second per hash on this project's machines.
// A hash is stored in PHC form with its parameters, `$scrypt$ln=17,r=8,p=1$<salt>$<key>` (base64, no
// padding), so the parameters can be raised later: old hashes keep verifying and `needsRehash` says when to
// store a new one.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { passwordHashQueue } from "./hash-queue";

export type ScryptParams = { ln: number; r: number; p: number };

/** the parameters of new hashes */
export const SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ ln: 17, r: 8, p: 1 });
const KEY_BYTES = 32;
const SALT_BYTES = 16;

// A stored hash is trusted input, but its parameters still get bounds, so that a corrupted row costs an error,
// not minutes of CPU or gigabytes of memory.
const BOUNDS = { ln: [14, 20], r: [1, 32], p: [1, 16] } as const;

const PHC = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function scrypt(password: string, salt: Buffer, params: ScryptParams, keyBytes: number): Promise<Buffer> {
  const N = 2 ** params.ln;
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is below that, so raise it with headroom
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 2 * 128 * N * params.r + 1024 * 1024 };
  // through the one bounded line of hashes: a flood is refused (429), not run on every core at once
  return passwordHashQueue.run(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scryptCallback(normalize(password), salt, keyBytes, options, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}

/** the same password typed on another keyboard or OS may arrive composed differently: compare it in one form */
function normalize(password: string): string {
  return password.normalize("NFC");
}

const b64 = (bytes: Buffer) => bytes.toString("base64").replace(/=+$/, "");

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, SCRYPT_PARAMS, KEY_BYTES);
  const { ln, r, p } = SCRYPT_PARAMS;
  return `$scrypt$ln=${ln},r=${r},p=${p}$${b64(salt)}$${b64(key)}`;
}

type Parsed = { params: ScryptParams; salt: Buffer; key: Buffer };

function parse(stored: string): Parsed | null {
  const match = PHC.exec(stored);
  if (!match) return null;
  const params = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  for (const name of ["ln", "r", "p"] as const) {
    const [min, max] = BOUNDS[name];
    if (!(params[name] >= min && params[name] <= max)) return null;
  }
  const salt = Buffer.from(match[4] as string, "base64");
  const key = Buffer.from(match[5] as string, "base64");
  if (salt.length < 8 || key.length < 16) return null;
  return { params, salt, key };
}

/** whether `password` matches `stored`; false (never an exception) for a hash this code cannot read */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const candidate = await scrypt(password, parsed.salt, parsed.params, parsed.key.length);
  // constant time: how much of the key matched must not show in the time taken
  return timingSafeEqual(candidate, parsed.key);
}

/** true when `stored` was made with weaker parameters than new hashes get (re-hash it after a successful sign-in) */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  const { ln, r, p } = parsed.params;
  return ln < SCRYPT_PARAMS.ln || r < SCRYPT_PARAMS.r || p < SCRYPT_PARAMS.p || parsed.key.length < KEY_BYTES;
}

/**
 * A hash of a random password that was thrown away: nothing matches it. Fixed here (rather than made at start-up)
 * so that even the first check against it costs exactly one verification.
 */
const DECOY_HASH = "$scrypt$ln=17,r=8,p=1$dabAuRQ0ztgBIjHcCm5FBA$JeDpuYc5krWtPK86jeXsglndBkjjAViIOQolahHmF1s";

/**
 * Spend the time of one real verification when there is no hash to check (unknown username, or a member who
 * signs in only through Naver), so that the answer's timing does not tell whether the username exists.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  await verifyPassword(password, DECOY_HASH);
  return false;
}
