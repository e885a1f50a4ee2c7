// Postal delivery sends the result to the address the applicant gave on the form; the delivery
// receipt records that address next to the carrier and tracking number.
import jsonpointer from 'jsonpointer';

/** Where the address is unless the item names another field. */
export const DEFAULT_ADDRESS_POINTER = '/applicant/address';

const ADDRESS_PARTS = ['province', 'city', 'county', 'district', 'township', 'street', 'village', 'detail'];

/**
 * The postal address in the case form at `pointer` (a JSON pointer), as one line. An address
 * entered as parts ({ province, city, district, street, detail, … }) is joined in that order.
 * Undefined when the form has none.
 */
export function deliveryAddress(formData: Record<string, unknown>, pointer = DEFAULT_ADDRESS_POINTER): string | undefined {
  const value: unknown = jsonpointer.get(formData, pointer);
  if (typeof value === 'string') return value.trim() || undefined;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const parts = value as Record<string, unknown>;
    const line = ADDRESS_PARTS.map((k) => parts[k])
      .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
      .map((p) => p.trim())
      .join('');
    return line || undefined;
  }
  return undefined;
}
