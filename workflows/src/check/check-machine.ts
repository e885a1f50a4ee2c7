// The static check of a machine config, run on every template and every admin-written config
// before it is compiled: shape, names, params, targets, reachability, review roles.
import type { Implementations } from '../library/implementations.ts';
import { buildImplementations } from '../library/implementations.ts';
import { readConfigTree } from './config-tree.ts';
import type { Problem } from '@bianmin/contract';
import { checkReachability } from './reachability.ts';
import { checkReferences } from './references.ts';
import { checkReviewRoles } from './review-roles.ts';

export function checkMachine(config: unknown, implementations: Implementations = buildImplementations()): Problem[] {
  const issues: Problem[] = [];
  const root = readConfigTree(config, issues);
  if (root === undefined) return issues;
  return [...issues, ...checkReferences(root, implementations), ...checkReachability(root), ...checkReviewRoles(root)];
}
