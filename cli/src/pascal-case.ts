/** `elderly-allowance` → `ElderlyAllowance`: item codes become TypeScript type names. */
export function pascalCase(code: string): string {
  const name = code.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
  // A type name cannot start with a digit (codes may: 12345-hotline).
  return /^[0-9]/.test(name) ? `Item${name}` : name;
}
