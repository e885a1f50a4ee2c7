import type { ProcedureKind } from '@bianmin/contract';
import { immediate } from './immediate.ts';
import type { KindProfile } from './kind-profile.ts';
import { promised } from './promised.ts';
import { reported } from './reported.ts';
import { returned } from './returned.ts';

export type { KindProfile } from './kind-profile.ts';

export const KIND_PROFILES: Record<ProcedureKind, KindProfile> = { immediate, promised, reported, returned };
