// What the other packages use of shared, by name: a name not listed here is shared's own.

export {
  type BoardAccess,
  type CreateBoardResponse,
  createBoardRequest,
  TITLE_MAX_LENGTH,
} from './api/boards.js'
export {
  type BoardVersion,
  type RestoreResponse,
  takeVersionRequest,
  VERSION_REASONS,
  type VersionItems,
  type VersionReason,
} from './api/history.js'
export { IMAGE_MAX_BYTES, type ImageMimeType, imagesPath, type UploadImageResponse } from './api/images.js'
export {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  type JoinCodeState,
  type JoinResponse,
  normalizeJoinCode,
} from './api/join.js'
export {
  type JoinTeamResponse,
  type MyPollAnswerResponse,
  type OpenPollRequest,
  type OpenPollResponse,
  openPollRequest,
  type PollAnswerResponse,
  type PollRefusal,
  type PollRefusalResponse,
  pollAnswerRequest,
} from './game/api.js'
export { drawCard } from './game/deck.js'
export {
  assignMembers,
  closedQuizPoints,
  type DrawnCard,
  gameHistoryArray,
  gameMap,
  hideDrawnCard,
  hidePodium,
  type PollState,
  patchPoll,
  pollsMap,
  readDecks,
  readDrawnCard,
  readDraws,
  readGameHistory,
  readGameSettings,
  readPodium,
  readPolls,
  readSprint,
  readTeamBook,
  readTeamsLocked,
  recordScores,
  removeTeam,
  type ScoreSnapshot,
  type Sprint,
  teamMembersMap,
  writeDecks,
  writeDrawnCard,
  writeGameSettings,
  writePoll,
  writeSprint,
  writeTeam,
  writeTeamsLocked,
} from './game/doc.js'
export {
  checkAnswer,
  POLL_LIMITS,
  type PollAnswer,
  type PollKind,
  type PollOption,
  quizPoints,
  tallyChoices,
  wordFrequencies,
} from './game/polls.js'
export { seededRandom } from './game/random.js'
export { podiumOf, rankStandings } from './game/rank.js'
export {
  cardTags,
  computeScores,
  type GameSettings,
  type IdeaCounts,
  ideaCounts,
  type Scoreboard,
} from './game/scores.js'
export {
  DEFAULT_SPRINT_LABELS,
  finishSprint,
  freezeScores,
  type SprintLabels,
  sessionNames,
  sprintEndsAt,
  sprintTimeUp,
} from './game/sprint.js'
export { shuffleIntoTeams, TEAM_COLORS, type Team, type TeamBook, teamOf } from './game/teams.js'
export { type Alignment, alignRects, distributeRects } from './geometry/align.js'
export {
  boardToScreen,
  type Camera,
  centerOn,
  clampZoom,
  fitCamera,
  type Insets,
  MAX_ZOOM,
  panBy,
  type Size,
  screenToBoard,
  stepZoom,
  visibleRect,
  zoomAt,
} from './geometry/camera.js'
export { type ConnectorEnd, connectorEnds } from './geometry/connectors.js'
export { centerOf, containingFrame } from './geometry/containment.js'
export { frameContents } from './geometry/frames.js'
export {
  boundsOf,
  expandRect,
  type Point,
  type Rect,
  rectContainsPoint,
  rectContainsRect,
  rectsIntersect,
  rectsOverlap,
} from './geometry/rect.js'
export { angleAround, HANDLES, type Handle, handlePoint, mapRect, resizeBounds } from './geometry/resize.js'
export {
  distanceToSegment,
  pointInItem,
  rectFromCorners,
  rectSelects,
  rotatedBounds,
} from './geometry/shapes.js'
export { type Guide, snapRect } from './geometry/snap.js'
export { CHAR_WIDTH, estimateWidth, fitFontSize, type MeasureText } from './geometry/textFit.js'
export { planFrameLayout, planSelectionLayout } from './layout/arrange.js'
export { type ColumnGroup, planColumns } from './layout/columns.js'
export { nearestFreeSpot } from './layout/freeSpace.js'
export { readingOrder } from './layout/grid.js'
export { planSettle, SETTLE_LIMIT } from './layout/settle.js'
export {
  CloseCode,
  CloseReason,
  MAX_MESSAGE_BYTES,
  MessageType,
  PING_INTERVAL_MS,
  SyncMessageType,
} from './protocol/messages.js'
export {
  BOARD_ID_PATTERN,
  PERSON_ID_PATTERN,
  parseRoom,
  type RoomTarget,
  roomName,
  SYNC_PREFIX,
  targetRoomName,
} from './protocol/paths.js'
export { canWrite, type DocKind, isRole, ROLES, type Role } from './protocol/roles.js'
export {
  createItem,
  deleteItems,
  initBoard,
  itemsMap,
  itemText,
  markImported,
  readItem,
  readItems,
  readMeta,
  setItemText,
  unsetItemKeys,
  updateItem,
} from './schema/board.js'
export { cloneItems, copyable } from './schema/clone.js'
export {
  DEFAULT_NOTE_COLOR,
  DEFAULT_NOTE_SIZE,
  NOTE_COLORS,
  NOTE_TEXT_COLOR,
  type NoteColorId,
} from './schema/colors.js'
export { randomId } from './schema/ids.js'
export { migrateBoard, SchemaTooNewError } from './schema/migrations/index.js'
export { type ReorderKind, reorder, zKeysAbove } from './schema/order.js'
export { applyTextValue } from './schema/text.js'
export {
  type FrameZone,
  ITEM_TYPES,
  type ItemInit,
  type ItemPatch,
  type ItemSnapshot,
  type ItemType,
  SCHEMA_VERSION,
  SHAPE_KINDS,
  type ShapeKind,
  TEXT_ITEM_TYPES,
} from './schema/types.js'
export { readZones, ZONE_LIMITS, zoneNear, zonePoint } from './schema/zones.js'
export {
  findRound,
  patchRound,
  readAgenda,
  readPrivateCounts,
  readRound,
  readRounds,
  readSessionState,
  readTimer,
  replaceAgenda,
  roundsMap,
  stateMap,
  stepFrameIds,
  writePrivateCount,
  writeRound,
  writeSessionState,
  writeTimer,
} from './session/doc.js'
export { peopleMap, readPeople, writePerson } from './session/people.js'
export {
  presetOf,
  TOOL_IDS,
  TOOL_PRESETS,
  type ToolId,
  type ToolPreset,
  toolsAllowItem,
  WRITING_TOOL_IDS,
  type WritingToolId,
} from './session/permissions.js'
export {
  addTime,
  clockOffset,
  formatRemaining,
  pauseTimer,
  remainingMs,
  resetTimer,
  resumeTimer,
  STOPPED_TIMER,
  startTimer,
} from './session/timer.js'
export {
  type AgendaStep,
  type SessionState,
  type StepPoll,
  type TimerState,
  type VoteRound,
  WRITING_MODES,
  type WritingMode,
} from './session/types.js'
export { builtinTemplate, builtinTemplates } from './templates/builtin/index.js'
export { captureTemplate, templateIdFrom } from './templates/capture.js'
export {
  applyExpansion,
  type ExpandedDeck,
  expandTemplate,
  originCentredOn,
  summaryOf,
  type TemplateExpansion,
} from './templates/expand.js'
export {
  LANGS,
  type Lang,
  TEMPLATE_CATEGORIES,
  TEMPLATE_LIMITS,
  type Template,
  type TemplateCategory,
  type TemplateSummary,
} from './templates/format.js'
export {
  boardFromTemplateRequest,
  type CreateLibraryResponse,
  LIBRARY_NAME_MAX_LENGTH,
  type LibraryResponse,
  libraryRequest,
} from './templates/library.js'
export {
  parseTemplate,
  type SafeParseTemplateResult,
  safeParseTemplate,
  serializeTemplate,
  TemplateValidationError,
} from './templates/parse.js'
export { readTemplateKit, seedSession, sessionUpdateFor, templateKitMap } from './templates/session.js'
export { proposeThemes, type ThemeProposal } from './themes/clusters.js'
export {
  checkVote,
  eligibleItemIds,
  rankVotes,
  type VoteCheck,
  type VoteRefusal,
  votesUsed,
} from './voting/rules.js'
