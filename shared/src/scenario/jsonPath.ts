/** JSON paths in the form reports use: `$.backend.lambda.functionError`, `$.expect.headers['x-id']`, `$.a[0]`. */
export function jsonPathOf(segments: readonly (string | number)[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) path += `.${segment}`;
    else path += `['${segment.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
  }
  return path;
}
