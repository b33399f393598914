// The editor's sentences for where Velocity 1.7's own reading (velocity17Check.ts) fails.
import type { Velocity17Reading } from './velocity17Check';

/** Tokens 1.7's lexer produces only while it is still reading a reference. */
const REFERENCE_CONTINUATIONS: Record<string, string> = {
  INDEX_LBRACKET: 'an index',
  REFMOD2_RPAREN: 'the end of a method call',
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
  const asName = text.charAt(failure.start) === '$' || text.charAt(failure.start - 1) === '.';
  if ((failure.token === 'TRUE' || failure.token === 'FALSE') && asName) {
    return `Velocity 1.7 reads ${quoted} after \`$\` or \`.\` as the literal, not as a name, and fails: rename the variable, or write \`.get('${failure.token.toLowerCase()}')\`.`;
  }
  const continuation = REFERENCE_CONTINUATIONS[failure.token];
  if (continuation) {
    return `Velocity 1.7 fails here: its lexer is still in the state of a reference before ${quoted} (a \`#set\`, \`\${…}\` or \`#end\` in between does not end it), so it takes it for ${continuation}. A text character right after that reference (a space, say) ends its state.`;
  }
  return `Velocity 1.7 fails to parse the template at ${quoted}: its lexer reads it as part of the reference or directive before it, where it does not fit.`;
}
