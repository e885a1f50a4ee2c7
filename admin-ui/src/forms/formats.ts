// The custom string formats, from @bianmin/forms' browser entry so the browser and the server agree.
import { isCnCreditCode, isCnIdNumber, isCnMobile, isCnPhone } from '@bianmin/forms/browser';

export { isCnCreditCode, isCnIdNumber, isCnMobile, isCnPhone };

export const customFormats = {
  'cn-id-number': isCnIdNumber,
  'cn-mobile': isCnMobile,
  'cn-phone': isCnPhone,
  'cn-credit-code': isCnCreditCode,
};
