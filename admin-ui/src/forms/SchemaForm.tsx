import Form from '@rjsf/antd';
import type { FormProps } from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { translateString } from './translate.ts';
import { validator } from './validator.ts';

type Props = Omit<FormProps<Record<string, unknown>, RJSFSchema>, 'validator'>;

/** The one rjsf form of the app: antd theme, Chinese messages, our custom formats. */
export function SchemaForm(props: Props) {
  return (
    <Form
      showErrorList={false}
      noHtml5Validate
      translateString={translateString}
      {...props}
      validator={validator}
    />
  );
}
