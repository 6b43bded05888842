/**
 * Stance kinds and their normalised polarity. A stance's kind is the source's own verb
 * (`dismisses`, `condemns`, `resists` …); its polarity says on which side of its target the holder
 * stands, so a frontend asks "who opposes X?" with one filter instead of listing every verb.
 *
 * The classes follow the quad classes of GDELT's CAMEO event codes: verbal cooperation
 * (support, welcome, endorse, appeal for, express intent to cooperate) is `support`; verbal conflict
 * (reject, criticise or denounce, oppose, resist) is `oppose`; what takes no side towards its
 * target (a worry voiced about something) is `neutral`.
 */

/** Stance kinds, verbs from the source's own vocabulary. */
export const STANCE_KINDS = [
  'supports',
  'opposes',
  'welcomes',
  'endorses',
  'condemns',
  'dismisses',
  'rejects',
  'calls-for',
  'commits-to',
  'resists',
  'concerned-about',
] as const;

export type StanceKind = (typeof STANCE_KINDS)[number];

/** The polarities, as stored on `Stance.polarity`. */
export const STANCE_POLARITIES = ['support', 'oppose', 'neutral'] as const;

export type StancePolarity = (typeof STANCE_POLARITIES)[number];

/**
 * The polarity of each kind. `satisfies Record<StanceKind, …>` makes a new kind without a
 * polarity a type error, so no stance is ever written without one.
 */
export const STANCE_POLARITY = {
  supports: 'support',
  welcomes: 'support',
  endorses: 'support',
  'calls-for': 'support',
  'commits-to': 'support',
  opposes: 'oppose',
  condemns: 'oppose',
  dismisses: 'oppose',
  rejects: 'oppose',
  resists: 'oppose',
  'concerned-about': 'neutral',
} as const satisfies Record<StanceKind, StancePolarity>;
