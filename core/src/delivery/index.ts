// Delivery of results (送达): the modes as data, checking a DELIVER event's fields, pickup codes
// and signed download links for electronic delivery.
export { builtinDeliveryModes } from './builtin-modes.ts';
export {
  seedBuiltinDeliveryModes, listDeliveryModes, getDeliveryMode, createDeliveryMode,
  type DeliveryMode, type NewDeliveryMode,
} from './mode-registry.ts';
export { validateDeliveryPayload, PROOF_FIELD } from './payload-validation.ts';
export {
  buildDeliveryRecord, type DeliveryRecord, type DeliveryRecordResult, type DeliveryRecordOptions,
} from './delivery-record.ts';
export { deliveryAddress, DEFAULT_ADDRESS_POINTER } from './delivery-address.ts';
export { generatePickupCode } from './pickup-code.ts';
export {
  createDownloadLink, verifyDownloadLink, DEFAULT_DOWNLOAD_PATH,
  type DownloadLink, type DownloadLinkOptions, type DownloadLinkCheck,
} from './download-link.ts';
