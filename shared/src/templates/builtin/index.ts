import type { Template, TemplateInput } from '../format.js'
import { parseTemplate } from '../parse.js'
import { actionPlan } from './action-plan.js'
import { governancePositioning } from './governance-positioning.js'
import { ideation } from './ideation.js'
import { innovation4Phases } from './innovation-4-phases.js'
import { lewinChange } from './lewin-change.js'
import { managerSkills } from './manager-skills.js'
import { objectivesTree } from './objectives-tree.js'
import { policyReview } from './policy-review.js'
import { scenarioPlanning } from './scenario-planning.js'
import { seriousGames } from './serious-games.js'
import { stakeholderMap } from './stakeholder-map.js'
import { strategyMap } from './strategy-map.js'
import { swotFfom } from './swot-ffom.js'
import { userJourney } from './user-journey.js'

/** The built-in template files, in the brief's order (ideation first). */
export const BUILTIN_TEMPLATE_FILES: readonly TemplateInput[] = [
  ideation,
  lewinChange,
  policyReview,
  swotFfom,
  scenarioPlanning,
  objectivesTree,
  stakeholderMap,
  strategyMap,
  innovation4Phases,
  actionPlan,
  managerSkills,
  governancePositioning,
  seriousGames,
  userJourney,
]

let parsed: readonly Template[] | null = null

/**
 * The built-in templates, validated (defaults filled in), in the brief's order. Validated on
 * first use: the browser's board page, which never shows them, does not pay for it at start
 * (it was a fifth of the bundle's start-up time).
 */
export function builtinTemplates(): readonly Template[] {
  parsed ??= BUILTIN_TEMPLATE_FILES.map((file) => parseTemplate(file))
  return parsed
}

/** A built-in template by id, or undefined. */
export function builtinTemplate(id: string): Template | undefined {
  return builtinTemplates().find((template) => template.id === id)
}
