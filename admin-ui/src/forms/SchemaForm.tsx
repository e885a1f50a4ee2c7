import { useMemo } from 'react';
import Form from '@rjsf/antd';
import { inlineSharedRefs } from '@bianmin/forms/browser';
import type { FormProps } from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { AddButton } from './AddButton.tsx';
import { withEnumNames } from './enumNames.ts';
import { FieldTemplate } from './FieldTemplate.tsx';
import { translateString } from './translate.ts';
import { validator } from './validator.ts';

const TEMPLATES = { ButtonTemplates: { AddButton }, FieldTemplate };

type Props = Omit<FormProps<Record<string, unknown>, RJSFSchema>, 'validator'> & { wide?: boolean };

/** The one rjsf form of the app: antd theme, Chinese messages, our custom formats. */
export function SchemaForm({ wide, ...props }: Props) {
  // rjsf resolves only local $refs; shared pieces (urn:bianmin:forms:*) are inlined here.
  const schema = useMemo(() => inlineSharedRefs(props.schema), [props.schema]);
  const uiSchema = useMemo(() => withEnumNames(schema, props.uiSchema), [schema, props.uiSchema]);
  return (
    <Form
      className={`bm-form${wide ? ' bm-form--wide' : ''}`}
      showErrorList={false}
      noHtml5Validate
      translateString={translateString}
      templates={TEMPLATES}
      // Errors show at their fields; rjsf's default would also log them as a console error.
      onError={() => {}}
      {...props}
      schema={schema}
      uiSchema={uiSchema}
      validator={validator}
    />
  );
}
