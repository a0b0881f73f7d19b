import type { LegendPayload } from 'recharts';

/** Orders legend items as `names` lists them (recharts sorts alphabetically by default); others go last. */
export function byNames(names: string[]): (item: LegendPayload) => number {
  return (item) => {
    const i = names.indexOf(String(item.value));
    return i < 0 ? names.length : i;
  };
}
