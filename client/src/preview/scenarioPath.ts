/** Where "Save as scenario" writes, and how the scenario names its definition. Pure path arithmetic on `/` paths. */

/** `GET /pets/{petId}` → `get-pets-petid`: a file name stem that every file system accepts. */
export function scenarioFileStem(operation: string): string {
  const stem = operation
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem || 'operation';
}

/** The relative path from folder `from` to file `to` (both absolute, `/`-separated), as a scenario's `definition`. */
export function relativeDefinitionPath(from: string, to: string): string {
  const fromParts = from.split('/').filter(Boolean);
  const toParts = to.split('/').filter(Boolean);
  let shared = 0;
  while (shared < fromParts.length && shared < toParts.length - 1 && fromParts[shared] === toParts[shared]) shared++;
  const up = fromParts.slice(shared).map(() => '..');
  return [...up, ...toParts.slice(shared)].join('/') || '.';
}

/** The first of `scenarios/<stem>.scenario.json`, `…-2…`, … that `exists` says is free. */
export async function freeScenarioPath(folder: string, stem: string, exists: (path: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n++) {
    const path = `${folder}/${stem}${n === 1 ? '' : `-${n}`}.scenario.json`;
    if (!(await exists(path))) return path;
  }
}
