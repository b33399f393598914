import type { Velocity17Reading } from './velocity17Check';

/** Tokens 1.7's lexer produces only while it is still reading a reference. */
const REFERENCE_CONTINUATIONS: Record<string, string> = {
  INDEX_LBRACKET: 'an index',
  REFMOD2_RPAREN: 'the end of a method call',
  LPAREN: 'a method call',
};

/** A sentence for the editor saying where and why Velocity 1.7 fails to parse the template. */
export function velocity17FailureMessage(text: string, failure: NonNullable<Velocity17Reading['failure']>): string {
  const shown = text.slice(failure.start, failure.end);
  const quoted = shown === '' ? 'the end of the template' : `\`${JSON.stringify(shown).slice(1, -1)}\``;
  if (failure.token === 'lexical') {
    return `Velocity 1.7 cannot read ${quoted} here: its lexer is still inside a reference, a method call or a directive that this character cannot continue.`;
  }
  if (failure.token === 'EOF') {
    return 'Velocity 1.7 fails at the end of the template: something opened before (an index, a method call or a block) is not finished.';
  }
  if (failure.token === 'TRUE' || failure.token === 'FALSE') {
    return `Velocity 1.7 reads ${quoted} after \`$\` or \`.\` as the literal, not as a name, and fails: rename the variable, or write \`.get('${failure.token.toLowerCase()}')\`.`;
  }
  const continuation = REFERENCE_CONTINUATIONS[failure.token];
  if (continuation) {
    return `Velocity 1.7 fails here: its lexer is still reading the reference before ${quoted} (even across a \`#set\`, \`\${…}\` or \`#end\`), so it takes it for ${continuation}. Put a space or other text between them.`;
  }
  return `Velocity 1.7 fails to parse the template at ${quoted}: its lexer reads it as part of the reference or directive before it, where it does not fit.`;
}
