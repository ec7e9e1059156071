import { probeTable } from './probe-table.ts';
import { stepSourceTable } from './step-source-table.ts';
import { TARGETS } from '../targets/registry.ts';

/**
 * README sections generated from each target's step and probe data, keyed by their marker name:
 * `<target>-step-sources`, and `<target>-probes` for a target with troubleshooting probes.
 */
export const GENERATED_SECTIONS: Record<string, () => string> = Object.fromEntries(
  TARGETS.flatMap((target) => {
    const { steps, probes } = target.catalogue();
    return [
      [`${target.name}-step-sources`, () => stepSourceTable(steps)],
      ...(probes.length === 0 ? [] : [[`${target.name}-probes`, () => probeTable(probes)]]),
    ];
  }),
);

/** Where a section's content starts and ends in the README, or undefined without markers. */
function locate(readme: string, name: string): { from: number; to: number } | undefined {
  const start = `<!-- generated:${name} -->\n`;
  const begin = readme.indexOf(start);
  if (begin === -1) return undefined;
  const from = begin + start.length;
  const to = readme.indexOf(`<!-- /generated:${name} -->`, from);
  return to === -1 ? undefined : { from, to };
}

/** The text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`, without the final newline. */
export function readSection(readme: string, name: string): string | undefined {
  const place = locate(readme, name);
  return place === undefined ? undefined : readme.slice(place.from, place.to).replace(/\n$/, '');
}

/** The README with every generated section rewritten from the current data. */
export function regenerate(readme: string): string {
  let text = readme;
  for (const [name, build] of Object.entries(GENERATED_SECTIONS)) {
    const place = locate(text, name);
    if (place === undefined) throw new Error(`README.md has no <!-- generated:${name} --> section`);
    text = `${text.slice(0, place.from)}${build()}\n${text.slice(place.to)}`;
  }
  return text;
}
