/**
 * Element building for the preview. User content only ever goes in through `textContent` and form
 * values: nothing here parses markup, so a body holding `<script>` is shown as text.
 */

type Attributes = Record<string, string | boolean | undefined>;
type Child = Node | string | undefined | false;

/** An element with attributes (`true` sets a boolean attribute, `false`/`undefined` leaves it out) and children. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, '');
    else if (typeof value === 'string') node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Replaces an element's children in one step, so the panel never shows a half-built state. */
export function replaceContent(parent: Element, children: Child[]): void {
  const nodes: (Node | string)[] = [];
  for (const child of children) if (child !== undefined && child !== false) nodes.push(child);
  parent.replaceChildren(...nodes);
}

/** Runs `action` once calls have stopped for `delayMs`; `flush` runs a pending call now. */
export function debounced(action: () => void, delayMs: number): { schedule(): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        action();
      }, delayMs);
    },
    flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      action();
    },
  };
}
