// Why a seal may not be pressed: answered as 409 SEAL_UNUSABLE with the exact reason.
import { AppError } from '../errors/index.ts';

export type SealUnusableReason = 'revoked' | 'not-yet-valid' | 'expired';

const MESSAGES: Record<SealUnusableReason, string> = {
  revoked: '印章已停用，不能用印',
  'not-yet-valid': '印章尚未启用，不能用印',
  expired: '印章已超过有效期，不能用印',
};

export class SealUnusableError extends AppError {
  readonly reason: SealUnusableReason;

  constructor(reason: SealUnusableReason, sealName: string) {
    super('SEAL_UNUSABLE', `${MESSAGES[reason]}：${sealName}`);
    this.name = 'SealUnusableError';
    this.reason = reason;
  }
}
