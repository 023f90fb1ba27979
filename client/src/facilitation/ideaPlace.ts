import type { FrameZone, ItemSnapshot } from '@atelier/shared'
import { useState } from 'react'

/** Where a person's next idea goes: which of the step's frames, and which of its zones. */
export interface IdeaPlace {
  /** The frames offered (the step's, on the board). */
  frames: readonly ItemSnapshot[]
  /** The frame chosen, else the step's first. */
  frame: ItemSnapshot | null
  /** The zone of that frame chosen, if any, and its place in the frame's list. */
  zone: FrameZone | null
  zoneIndex: number | null
  /** The frame has zones and none is chosen: the idea has no place yet (a scale needs a position). */
  zoneMissing: boolean
  chooseFrame(frameId: string): void
  chooseZone(index: number): void
}

/**
 * The choice of a place for the next idea, on the phone and in the private composer alike, or for
 * an idea that moves (starting on the frame it is in). A new frame asks for its zone again: a
 * position on one scale says nothing of the next one.
 */
export function usePlaceChoice(
  frames: readonly ItemSnapshot[],
  startFrameId: string | null = null,
): IdeaPlace {
  const [chosen, setChosen] = useState<{ frameId: string | null; zone: number | null }>({
    frameId: startFrameId,
    zone: null,
  })
  const frame = frames.find((candidate) => candidate.id === chosen.frameId) ?? frames[0] ?? null
  const sameFrame = frame !== null && (chosen.frameId ?? frames[0]?.id) === frame.id
  const zone = sameFrame && chosen.zone !== null ? (frame?.zones?.[chosen.zone] ?? null) : null
  return {
    frames,
    frame,
    zone,
    zoneIndex: zone ? chosen.zone : null,
    zoneMissing: (frame?.zones?.length ?? 0) > 0 && zone === null,
    chooseFrame: (frameId) => setChosen((now) => (now.frameId === frameId ? now : { frameId, zone: null })),
    chooseZone: (index) => setChosen({ frameId: frame?.id ?? null, zone: index }),
  }
}
