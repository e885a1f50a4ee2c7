import { PlusOutlined } from '@ant-design/icons';
import { TranslatableString, type IconButtonProps } from '@rjsf/utils';
import { Button } from 'antd';

/** rjsf's add-item button as a labelled dashed button, not a full-width red bar with only an icon. */
export function AddButton({ onClick, disabled, registry, className }: IconButtonProps) {
  return (
    <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={onClick} disabled={disabled} className={className}>
      {registry.translateString(TranslatableString.AddItemButton)}
    </Button>
  );
}
