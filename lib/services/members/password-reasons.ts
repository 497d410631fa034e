// The reasons a password change is refused with, on the field currentPassword. No imports: the settings form
// (a client component) matches them to its own sentences.
export const CURRENT_PASSWORD_WRONG = "is not correct";
export const NO_PASSWORD = "is not set: this account signs in with Naver or Kakao";
