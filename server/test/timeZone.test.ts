import { describe, expect, it } from 'vitest'
import { calendarDate, clockTime, isTimeZone, localDateTime, zoneOffsetMs } from '../src/exports/timeZone.js'

const winter = Date.parse('2025-01-15T23:30:00Z')
const summer = Date.parse('2025-07-15T23:30:00Z')

describe('export time zones', () => {
  it('knows the zones browsers report, old names included, and nothing else', () => {
    for (const zone of ['Europe/Paris', 'America/Cayenne', 'Asia/Calcutta', 'Asia/Kolkata', 'Etc/UTC', 'UTC'])
      expect(isTimeZone(zone)).toBe(true)
    for (const zone of ['Mars/Olympus', '', 'Europe/Paris; DROP', 'x'.repeat(65)])
      expect(isTimeZone(zone)).toBe(false)
  })

  it('reads a clock in the zone, summer time included', () => {
    expect(localDateTime(winter, 'UTC')).toBe('2025-01-15 23:30:00')
    expect(localDateTime(winter, 'Europe/Paris')).toBe('2025-01-16 00:30:00')
    expect(clockTime(summer, 'Europe/Paris')).toBe('01:30')
    expect(calendarDate(summer, 'Europe/Paris')).toBe('2025-07-16')
    expect(clockTime(winter, 'America/Cayenne')).toBe('20:30')
  })

  it('gives the zone’s offset from UTC at that moment', () => {
    expect(zoneOffsetMs(winter, 'Europe/Paris')).toBe(3_600_000)
    expect(zoneOffsetMs(summer, 'Europe/Paris')).toBe(7_200_000)
    expect(zoneOffsetMs(winter, 'America/Cayenne')).toBe(-3 * 3_600_000)
    expect(zoneOffsetMs(winter + 999, 'UTC')).toBe(0)
  })
})
