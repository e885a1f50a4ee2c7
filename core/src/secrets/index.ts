export { instanceSecret, loadInstanceSecret, fileSecret, MIN_SECRET_LENGTH, SECRET_ENV, SECRET_FILE, type InstanceSecret, type InstanceSecretSource } from './instance-secret.ts';
