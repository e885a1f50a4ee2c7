/* Generated from schemas/scenario.schema.json by contract/scripts/generate-types.ts. Do not edit. */

/**
 * A plugin's scenario fixture (test/cases/*.json): one case of one item driven through events, with the states and documents it must reach.
 */
export interface Scenario {
  $schema?: string;
  name: string;
  description?: string;
  /**
   * Item code.
   */
  item: string;
  itemVersion?: string;
  /**
   * Level of the organisation that receives the case; default the item's level.
   */
  appliedAt?: 'village' | 'township' | 'county';
  /**
   * Clock of the scenario's first step; default 2025-03-03T09:00:00+08:00.
   */
  startAt?: string;
  applicant?: {};
  data: {};
  materials?: {
    [k: string]: 'provided' | 'waived' | 'missing' | 'not-applicable';
  };
  expectCreateError?: {
    status: number;
    /**
     * JSON pointers into the form data (e.g. /applicant/idNumber) that must be among the errors.
     */
    pointers?: string[];
  };
  steps: ScenarioStep[];
  expect?: ScenarioExpectation;
}
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "ScenarioStep".
 */
export interface ScenarioStep {
  event: string;
  payload?: {};
  /**
   * Role of the user sending it; default clerk.
   */
  as?: 'admin' | 'clerk' | 'approver' | 'agent' | 'supervisor' | 'head';
  /**
   * Which organisation's user sends it; default where the case sits now.
   */
  at?: 'receiving' | 'deciding';
  /**
   * Advance the scenario clock by this many working days before sending.
   */
  afterWorkingDays?: number;
  expect?: ScenarioExpectation;
  /**
   * The event must be refused with this status.
   */
  expectRejected?: 400 | 403 | 409;
  /**
   * Send the event to the child case of this item (bundles) instead of the scenario's case; `expect` then describes that child.
   */
  child?: string;
}
/**
 * This interface was referenced by `Scenario`'s JSON-Schema
 * via the `definition` "ScenarioExpectation".
 */
export interface ScenarioExpectation {
  /**
   * State value as a dotted path, e.g. reviewing.firstReview.
   */
  state?: string;
  /**
   * Document kinds issued so far, in order.
   */
  documents?: string[];
  /**
   * Events the sending role may send now (as a set).
   */
  actions?: string[];
  /**
   * Bundles: state of each child case that exists, by item code.
   */
  children?: {
    [k: string]: string;
  };
}
