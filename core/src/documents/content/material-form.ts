// How a material is described on a receipt: 原件 / 复印件 / 原件及复印件 / 电子材料.
import type { Material } from '@bianmin/contract';

const NAMES: Record<Material['form'], string> = {
  original: '原件',
  copy: '复印件',
  'original-and-copy': '原件及复印件',
  electronic: '电子材料',
};

export function materialFormName(form: Material['form'] | undefined): string {
  return form ? NAMES[form] : '';
}
