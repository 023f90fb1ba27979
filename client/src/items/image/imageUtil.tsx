import type { ItemSnapshot } from '@atelier/shared'
import { useEffect, useState } from 'react'
import { Image as KonvaImage, Rect } from 'react-konva'
import { boxBehaviour, Rotated } from '../box.js'
import type { ItemUtil, ItemViewProps, SvgContext } from '../ItemUtil.js'
import { LockBadge } from '../LockBadge.js'
import { attrs, placed } from '../svg.js'
import { loadImage } from './loadImage.js'

/** An uploaded picture: a grey placeholder until it loads; resized without distortion. */

const PLACEHOLDER = '#e9ecef'

function ImageView({ item, imageUrl }: ItemViewProps) {
  const [image, setImage] = useState<HTMLImageElement | null>(null)
  const url = item.src ? (imageUrl ? imageUrl(item.src) : item.src) : null
  useEffect(() => (url ? loadImage(url, setImage) : undefined), [url])
  return (
    <Rotated item={item}>
      {image ? (
        <KonvaImage
          image={image}
          width={item.w}
          height={item.h}
          cornerRadius={4}
          perfectDrawEnabled={false}
        />
      ) : (
        <Rect width={item.w} height={item.h} fill={PLACEHOLDER} cornerRadius={4} perfectDrawEnabled={false} />
      )}
      {item.locked && <LockBadge x={item.w - 22} y={6} />}
    </Rotated>
  )
}

function imageSvg(item: ItemSnapshot, ctx: SvgContext): string {
  const href = item.src ? ctx.imageHref(item.src) : undefined
  const body = href
    ? `<image ${attrs({ width: item.w, height: item.h, href, preserveAspectRatio: 'none' })}/>`
    : `<rect ${attrs({ width: item.w, height: item.h, rx: 4, fill: PLACEHOLDER })}/>`
  return placed(item, body)
}

export const imageUtil: ItemUtil = {
  type: 'image',
  layer: 'content',
  ...boxBehaviour,
  resize: { keepRatio: true },
  View: ImageView,
  colorable: false,
  far: { block: () => '#dee2e6' },
  toSvg: imageSvg,
}
