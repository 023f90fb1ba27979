import { readdirSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

/** Top-level folders (or files) of a package's `src/`, from the bottom layer up. */
export type Layering = readonly (readonly string[])[]

export interface Violation {
  from: string
  specifier: string
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g

/** The folder, or the module of `src/` itself (without extension), a path belongs to. */
export function topEntry(path: string): string {
  return (path.split(sep)[0] ?? '').replace(/\.[cm]?[jt]sx?$/, '')
}

/** The package's own modules; tests are left out, they may reach any layer to set a scene up. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** The relative imports of each file that reach a layer above the file's own. */
export function layerViolations(
  src: string,
  files: readonly { file: string; text: string }[],
  layering: Layering,
): Violation[] {
  const layerOf = (path: string): number => {
    const top = topEntry(relative(src, path))
    const layer = layering.findIndex((names) => names.includes(top))
    if (layer < 0) throw new Error(`${path} is in no declared layer (add "${top}" to the layering)`)
    return layer
  }
  const violations: Violation[] = []
  for (const { file, text } of files) {
    if (/\.test\.tsx?$/.test(file)) continue
    const own = layerOf(file)
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? ''
      if (!specifier.startsWith('.')) continue
      if (layerOf(resolve(dirname(file), specifier)) > own) violations.push({ from: file, specifier })
    }
  }
  return violations
}
