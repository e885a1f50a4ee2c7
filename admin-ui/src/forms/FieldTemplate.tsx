import { getTemplate, getUiOptions, type FieldTemplateProps } from '@rjsf/utils';
import { Form } from 'antd';

const FULL_WIDTH = { span: 24 };

/**
 * @rjsf/antd's field template shows a field's help text *instead of* its errors, so a field with
 * help (「用于接收受理、办结短信通知」) never said what was wrong with it. Here the error takes the
 * help line and the help text moves below, beside the description.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const { children, description, displayLabel, errors, help, rawHelp, hidden, id, label, rawErrors, rawDescription, registry, required, schema, uiSchema } = props;
  const uiOptions = getUiOptions(uiSchema);
  const WrapIfAdditionalTemplate = getTemplate('WrapIfAdditionalTemplate', registry, uiOptions);
  if (hidden) return <div className="rjsf-field-hidden">{children}</div>;
  const failing = (rawErrors?.length ?? 0) > 0;
  const extra = rawDescription || rawHelp ? <>{rawDescription ? description : null}{rawHelp ? help : null}</> : undefined;
  return (
    <WrapIfAdditionalTemplate {...props}>
      <Form.Item
        hasFeedback={schema.type !== 'array' && schema.type !== 'object'}
        help={failing ? errors : undefined}
        extra={extra}
        htmlFor={id}
        label={displayLabel && uiOptions.widget !== 'checkbox' && label}
        labelCol={FULL_WIDTH}
        wrapperCol={FULL_WIDTH}
        required={required}
        validateStatus={failing ? 'error' : undefined}
      >
        {children}
      </Form.Item>
    </WrapIfAdditionalTemplate>
  );
}
