/**
 * Times in exported documents are read by people in a room, not by servers: a report says when a
 * step started in the facilitator's own time zone (the browser sends it, `tz=Europe/Paris`), UTC
 * when none is given. Each document names the zone it uses.
 */
export const DEFAULT_TIME_ZONE = 'UTC'

const formats = new Map<string, Intl.DateTimeFormat>()

/** One formatter per zone: year to second, 24-hour clock, as parts. */
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    formats.set(timeZone, format)
  }
  return format
}

/**
 * Whether `zone` is a time zone this server's clock data knows (`Europe/Paris`, `Asia/Kolkata`,
 * `Etc/UTC`). `Intl.supportedValuesOf` lists canonical names only, and browsers report others
 * (Chrome says `Asia/Calcutta`), so the test is whether Intl accepts it: it throws a RangeError
 * for a zone it does not know.
 */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false
  try {
    formatIn(zone)
    return true
  } catch (error) {
    if (error instanceof RangeError) return false
    throw error
  }
}

/** `YYYY-MM-DD HH:MM:SS` of an epoch time, as a clock in `timeZone` shows it. */
export function localDateTime(epochMs: number, timeZone: string): string {
  const part: Record<string, string> = {}
  for (const { type, value } of formatIn(timeZone).formatToParts(epochMs)) part[type] = value
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`
}

/** `HH:MM` in `timeZone`. */
export function clockTime(epochMs: number, timeZone: string): string {
  return localDateTime(epochMs, timeZone).slice(11, 16)
}

/** `YYYY-MM-DD` in `timeZone`. */
export function calendarDate(epochMs: number, timeZone: string): string {
  return localDateTime(epochMs, timeZone).slice(0, 10)
}

/** How far `timeZone`'s clocks are ahead of UTC at that moment, in ms (negative west of Greenwich). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const seconds = Math.floor(epochMs / 1000) * 1000
  return Date.parse(`${localDateTime(seconds, timeZone).replace(' ', 'T')}Z`) - seconds
}
