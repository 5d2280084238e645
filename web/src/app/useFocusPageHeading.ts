import { useEffect, useRef } from 'react';

/** How long to wait for the new page's heading: lazy chunks and the page's first query come first. */
const WAIT_FRAMES = 240;

/**
 * After the user moves to another page, put the keyboard and screen-reader focus on that page's heading
 * (issue 18, item 12): without it focus stays on the link just used, in the menu, and a screen reader
 * announces nothing. Not on the first load, where the browser starts at the top of the document anyway.
 *
 * Navigations run in a transition, so the old page stays on screen until the new one is drawn: wait for an
 * h1 that is a different element or says something else than the one shown when the address changed.
 */
export function useFocusPageHeading(pathname: string): void {
  const firstLoad = useRef(true);
  useEffect(() => {
    if (firstLoad.current) {
      firstLoad.current = false;
      return;
    }
    const old = document.querySelector<HTMLElement>('main h1');
    const oldText = old?.textContent;
    let frames = 0;
    let frame = 0;
    const tryFocus = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      const isNew = heading && (heading !== old || heading.textContent !== oldText);
      if (heading && (isNew || frames >= WAIT_FRAMES)) {
        heading.tabIndex = -1;
        heading.focus();
        return;
      }
      if (frames++ < WAIT_FRAMES) frame = requestAnimationFrame(tryFocus);
    };
    frame = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
