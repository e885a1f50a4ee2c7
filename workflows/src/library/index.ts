// The named library every machine config may reference. Plugins add namespaced names
// (`ns.name`) beside these; see compiler/plugin-adapters.ts.
import { issueDocument } from './actions/issue-document.ts';
import { notify } from './actions/notify.ts';
import { pauseClock, resumeClock, startClock, stopClock } from './actions/clock.ts';
import { route } from './actions/route.ts';
import { recordMissing } from './actions/record-missing.ts';
import { recordSupplement } from './actions/record-supplement.ts';
import { recordOutcome } from './actions/record-outcome.ts';
import { recordNote } from './actions/record-note.ts';
import { recordReferral } from './actions/record-referral.ts';
import { sign } from './actions/sign.ts';
import { setVar } from './actions/set-var.ts';
import { flag } from './actions/flag.ts';
import { hasRole } from './guards/has-role.ts';
import { sentBySystem } from './guards/sent-by-system.ts';
import { materialsComplete } from './guards/materials-complete.ts';
import { atDecidingLevel, belowDecidingLevel } from './guards/deciding-level.ts';
import { hasParentOrg } from './guards/has-parent-org.ts';
import { actorAtCurrentOrg } from './guards/actor-at-current-org.ts';
import { decisionApproved } from './guards/decision-approved.ts';
import { hasPayload } from './guards/has-payload.ts';
import { flagged } from './guards/flagged.ts';
import { returnsToReceiving } from './guards/returns-to-receiving.ts';
import type { LibraryAction, LibraryGuard } from './implementation.ts';

export const libraryActions: Readonly<Record<string, LibraryAction>> = {
  issueDocument, notify, startClock, pauseClock, resumeClock, stopClock, route, recordMissing,
  recordSupplement, recordOutcome, recordNote, recordReferral, sign, setVar, flag,
};

/** Without `and` / `not`, which the compiler builds over the full guard set. */
export const libraryGuards: Readonly<Record<string, LibraryGuard>> = {
  hasRole, sentBySystem, materialsComplete, atDecidingLevel, belowDecidingLevel, hasParentOrg,
  actorAtCurrentOrg, decisionApproved, hasPayload, flagged, returnsToReceiving,
};

export { COMBINATOR_GUARDS, combinatorGuards, nestedGuards } from './guards/combinators.ts';
export type { ImplementationArgs, ContextUpdate, LibraryAction, LibraryGuard } from './implementation.ts';
export { MAX_SIGNATURES } from './actions/sign.ts';
