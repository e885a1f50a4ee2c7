import type { ItemDefinition, ItemGuide } from '../../../api/types.ts';
import type { Problem } from '../../../api/errors.ts';
import { problemsToErrorSchema } from '../../../forms/problems.ts';
import { SchemaForm } from '../../../forms/SchemaForm.tsx';
import { guideSchema, guideUiSchema } from './guideSchema.ts';

/** The guide is data: an rjsf form generated from the ItemGuide schema. */
export function GuideTab({ def, onChange, problems }: { def: ItemDefinition; onChange: (g: ItemGuide) => void; problems: Problem[] }) {
  return (
    <SchemaForm
      schema={guideSchema}
      uiSchema={guideUiSchema}
      formData={def.guide as unknown as Record<string, unknown>}
      extraErrors={problemsToErrorSchema(problems, '/guide')}
      onChange={(e) => onChange(e.formData as unknown as ItemGuide)}
    />
  );
}
