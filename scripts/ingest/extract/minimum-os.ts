/**
 * Reads a minimum-OS statement ("Available starting with Windows XP.", "Available in Windows 10, version 1803
 * and later versions of Windows.", "Windows Vista") into the version it names, or null when it names none
 * ("Universal", "Available in all versions of Windows" carry no version).
 *
 * @example normaliseMinimumOs('Available starting with Windows XP.') // 'Windows XP'
 */
export function normaliseMinimumOs(input: string | null | undefined): string | null {
  if (input == null) return null;
  const s = input.replace(/\s+/g, ' ').trim();
  if (s === '') return null;
  const m = /\bWindows(?:\s+(?:Server\s+)?(?:\d{4}(?:\s+R2)?|XP|Vista|7|8\.1|8|10|11|2000|Me|98|95|NT(?:\s+4\.0)?)(?:,?\s+version\s+[0-9A-Z]+)?(?:\s+SP\d)?)/i.exec(s);
  if (!m) return null;
  const v = m[0].replace(/,\s*version/i, ', version').trim().replace(/^windows/i, 'Windows');
  const sp = /^\s*(?:with\s+)?Service\s+Pack\s+(\d)/i.exec(s.slice(m.index + m[0].length));
  return sp && !/SP\d$/.test(v) ? `${v} SP${sp[1]}` : v;
}
