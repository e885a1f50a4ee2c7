export { hashPassword, verifyPassword } from './passwords.ts';
export { createUser, listUsers, userFromRow, type User, type NewUser } from './user-store.ts';
export { login, authenticate, logout, endSessionsOf, purgeSessions, accountLocked, type SignIn } from './sessions.ts';
export { lockedUntil, recordFailure, clearFailures, purgeFailures } from './lockout.ts';
export { passwordProblems } from './password-policy.ts';
export { checkNewPassword, setPassword, changeOwnPassword } from './password-change.ts';
export { SecuritySettingsStore, DEFAULT_SECURITY_SETTINGS, SECURITY_SETTING_BOUNDS, type SecuritySettings } from './security-settings.ts';
export { findUser, updateUser, unlockUser, type UserChanges } from './user-changes.ts';
