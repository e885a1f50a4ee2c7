export { hashPassword, verifyPassword } from './passwords.ts';
export { createUser, listUsers, userFromRow, type User, type NewUser } from './user-store.ts';
export { login, authenticate, logout } from './sessions.ts';
