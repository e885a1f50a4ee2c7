// Phones and names as supervision's lists and exports show them (the case page alone shows them
// whole). To be replaced by core/src/privacy's masking when it lands on main.
export function maskPhone(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(Math.max(value.length - 2, 0)) + value.slice(-2);
  if (/^1[3-9]\d{9}$/.test(digits.slice(-11))) return `${digits.slice(0, digits.length - 8)}****${digits.slice(-4)}`;
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

export function maskName(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  return value.length <= 1 ? '*' : value[0] + '*'.repeat(value.length - 1);
}
