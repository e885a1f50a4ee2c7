// The first scenario fixture of a scaffolded item: the kind's happy path, which `plugin test`
// replays. Authors copy it for the refusals, corrections and denials they also expect.
import type { Scenario } from '@bianmin/contract';
import { sampleData } from './form.ts';
import type { KindProfile } from './kinds/index.ts';
import { providedMaterials } from './materials.ts';

export function scaffoldFixture(code: string, profile: KindProfile, schemaRef: string): Scenario & { $schema: string } {
  return {
    $schema: schemaRef,
    name: profile.happyPath.name,
    item: code,
    data: sampleData,
    materials: providedMaterials,
    steps: profile.happyPath.steps,
  };
}
