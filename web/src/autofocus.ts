import { options, type Ref } from 'preact';

/**
 * `autoFocus` as React does it, for the app running on Preact (see vite.config.ts): the
 * element takes focus once, when it mounts, and gets no `autofocus` attribute. Preact would
 * only set the attribute, which the browser honours on the page's first load alone (a
 * sign-in form reached by navigating would stay unfocused) and on opening a `<dialog>`.
 */
const focused = new WeakSet<HTMLElement>();

function applyRef(ref: Ref<HTMLElement> | null | undefined, element: HTMLElement | null): void {
  if (typeof ref === 'function') ref(element);
  else if (ref) ref.current = element;
}

const previous = options.vnode;
options.vnode = (vnode) => {
  const props = vnode.props as { autoFocus?: unknown };
  if (typeof vnode.type === 'string' && 'autoFocus' in props) {
    const { autoFocus, ...rest } = props;
    vnode.props = rest as typeof vnode.props;
    if (autoFocus) {
      const ref = vnode.ref as Ref<HTMLElement> | null | undefined;
      vnode.ref = (element: HTMLElement | null) => {
        if (element && !focused.has(element)) {
          focused.add(element);
          element.focus();
        }
        applyRef(ref, element);
      };
    }
  }
  previous?.(vnode);
};
