import type { Lang, Template } from '@atelier/shared'
import { useMemo } from 'react'
import { type Detail, renderTemplateSvg, svgDataUrl } from './thumbnail.js'

/** A template drawn from its own content, as an image (nothing in it can run). */
export function TemplateThumbnail({
  template,
  lang,
  detail,
  alt,
  className,
}: {
  template: Template
  lang: Lang
  detail: Detail
  alt: string
  className?: string
}) {
  const src = useMemo(
    () => svgDataUrl(renderTemplateSvg(template, { lang, detail })),
    [template, lang, detail],
  )
  return <img className={className} src={src} alt={alt} draggable={false} />
}
