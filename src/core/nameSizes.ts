// Tells a product figure that spells a model's name ("8x7B" of Mixtral 8x7B, "8x22B") from one that counts parameters ("8x220B").
import type { ModelFact } from './types';

/** A product size at the end of a name: "Mixtral 8x7B", "Mixtral-8x22B-v0.1" give "8x7b", "8x22b". */
const PRODUCT_IN_NAME = /(\d{1,3})\s?[x×]\s?(\d+(?:\.\d+)?)\s?([tbm])(?![a-z])/giu;

const SIZES = new WeakMap<Map<string, ModelFact>, Set<string>>();

function keyOf(mult: string, num: string, unit: string): string {
  return `${Number(mult)}x${Number(num)}${unit.toLowerCase()}`;
}

/** The product sizes the fact base's names spell, worked out once per fact base. */
function productSizes(models: Map<string, ModelFact>): Set<string> {
  let sizes = SIZES.get(models);
  if (sizes) return sizes;
  sizes = new Set();
  for (const m of models.values()) {
    for (const name of [m.name, ...m.aliases]) {
      for (const p of name.matchAll(PRODUCT_IN_NAME)) sizes.add(keyOf(p[1]!, p[2]!, p[3]!));
    }
  }
  SIZES.set(models, sizes);
  return sizes;
}

/** Whether a product figure as written ("8x7B", "8 × 22B") is the size a known model's name spells. */
export function spellsModelName(written: string, models: Map<string, ModelFact>): boolean {
  PRODUCT_IN_NAME.lastIndex = 0;
  const p = PRODUCT_IN_NAME.exec(written);
  return p !== null && p.index === 0 && p[0].length === written.length && productSizes(models).has(keyOf(p[1]!, p[2]!, p[3]!));
}
