/**
 * Just enough of the Dockerfile and .dockerignore grammars to check the container set-up
 * without a Docker engine.
 */

export interface Instruction {
  keyword: string
  /** Arguments as written, continuation lines joined. */
  args: string
  /** Index of the build stage the instruction belongs to (0 = first FROM). */
  stage: number
  line: number
}

export interface Stage {
  name: string | null
  index: number
}

export interface Dockerfile {
  instructions: Instruction[]
  stages: Stage[]
}

export function parseDockerfile(text: string): Dockerfile {
  const instructions: Instruction[] = []
  const stages: Stage[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const start = i
    let line = (lines[i] ?? '').trim()
    if (line === '' || line.startsWith('#')) continue
    while (line.endsWith('\\') && i + 1 < lines.length) {
      i++
      const next = (lines[i] ?? '').trim()
      line = `${line.slice(0, -1).trimEnd()} ${next.startsWith('#') ? '' : next}`.trimEnd()
    }
    const match = /^(\S+)\s*(.*)$/.exec(line)
    if (!match) continue
    const keyword = (match[1] ?? '').toUpperCase()
    const args = match[2] ?? ''
    if (keyword === 'FROM') {
      const as = /\s+AS\s+(\S+)\s*$/i.exec(args)
      stages.push({ name: as?.[1] ?? null, index: stages.length })
    }
    instructions.push({ keyword, args, stage: stages.length - 1, line: start + 1 })
  }
  return { instructions, stages }
}

/** Splits shell-form arguments on whitespace, or reads JSON (exec) form. */
export function splitArgs(args: string): string[] {
  const trimmed = args.trim()
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as string[]
  return trimmed.split(/\s+/).filter(Boolean)
}

export interface Copy {
  from: string | null
  sources: string[]
  destination: string
  line: number
}

export function copies(dockerfile: Dockerfile): Copy[] {
  return dockerfile.instructions
    .filter((ins) => ins.keyword === 'COPY' || ins.keyword === 'ADD')
    .map((ins) => {
      const words = splitArgs(ins.args)
      const flags = words.filter((w) => w.startsWith('--'))
      const paths = words.filter((w) => !w.startsWith('--'))
      const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length) ?? null
      return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '', line: ins.line }
    })
}

/** `ENV A=1 B=2` (and the legacy `ENV A 1`) of the given stage, later values winning. */
export function envOf(dockerfile: Dockerfile, stage: number): Record<string, string> {
  const env: Record<string, string> = {}
  for (const ins of dockerfile.instructions) {
    if (ins.keyword !== 'ENV' || ins.stage !== stage) continue
    const words = splitArgs(ins.args)
    const [first] = words
    if (first !== undefined && !first.includes('=')) {
      env[first] = words.slice(1).join(' ')
      continue
    }
    for (const word of words) {
      const eq = word.indexOf('=')
      env[word.slice(0, eq)] = word.slice(eq + 1).replace(/^"(.*)"$/, '$1')
    }
  }
  return env
}

/**
 * A matcher for .dockerignore patterns (`*`, `?`, `**`, leading `!` re-includes; last match wins),
 * applied to a path relative to the build context and to each of its parent directories.
 */
export function dockerignoreMatcher(text: string): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!')
      const pattern = (negate ? l.slice(1) : l).replace(/^\/+/, '').replace(/\/+$/, '')
      return { negate, regex: globToRegExp(pattern) }
    })
  const ignoredExactly = (path: string) => {
    let ignored = false
    for (const rule of rules) if (rule.regex.test(path)) ignored = !rule.negate
    return ignored
  }
  return (path) => {
    const parts = path
      .replace(/^\.\/+/, '')
      .replace(/\/+$/, '')
      .split('/')
    for (let i = 1; i <= parts.length; i++) if (ignoredExactly(parts.slice(0, i).join('/'))) return true
    return false
  }
}

function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? ''
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches zero or more directories; a trailing `**` matches everything below.
      if (glob[i + 2] === '/') {
        re += '(?:.*/)?'
        i += 2
      } else {
        re += '.*'
        i += 1
      }
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}
