// The scaffolded item definition: the same for every kind except what its KindProfile says.
import type { ItemDefinition } from '@bianmin/contract';
import { scaffoldForm } from './form.ts';
import { scaffoldGuide } from './guide.ts';
import type { KindProfile } from './kinds/index.ts';
import { scaffoldMaterials } from './materials.ts';

export const ITEM_NAME = '待填写：事项名称';

export function scaffoldItem(code: string, profile: KindProfile, schemaRef: string): ItemDefinition {
  return {
    $schema: schemaRef,
    code,
    name: ITEM_NAME,
    department: '待填写：部门（如 民政）',
    level: profile.level,
    // Versions are immutable once loaded by a server: stay below 1.0.0 while drafting.
    version: '0.1.0',
    tags: [profile.label],
    guide: scaffoldGuide(ITEM_NAME, profile),
    materials: scaffoldMaterials,
    form: scaffoldForm,
    procedure: profile.procedure,
    documents: profile.documents,
    delivery: profile.kind === 'returned'
      ? { modes: ['window-pickup'], default: 'window-pickup' }
      : { modes: ['window-pickup', 'postal', 'electronic'], default: 'window-pickup' },
  };
}
