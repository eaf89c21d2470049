import type { Page } from 'playwright-core';

export interface LayoutReport {
  /** Rows the header's items sit on (1 when nothing wrapped). */
  headerRows: number;
  /** Elements that stick out of the element that contains them, or out of the window. */
  overflowing: string[];
}

/**
 * Runs in the page as plain JavaScript (a transpiler's helpers would not exist there). Measures
 * the rows the header's items sit on, and every visible element that sticks out of the window or
 * out of the nearest container that clips or scrolls it (where it would be cut off). Deliberate
 * horizontal scrollers (code blocks, tables, the code editor) and text cut with an ellipsis are
 * what they are meant to be.
 */
const probe = `(() => {
  function describe(element) {
    const id = element.getAttribute('data-testid');
    const classes = typeof element.className === 'string' ? element.className.trim().split(/\\s+/).slice(0, 2).join('.') : '';
    return element.tagName.toLowerCase() + (id ? '[data-testid=' + id + ']' : '') + (classes ? '.' + classes : '');
  }
  const header = document.querySelector('[data-testid=room-header]');
  const middles = [];
  for (const item of Array.from(header ? header.children : [])) {
    const box = item.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) middles.push(box.top + box.height / 2);
  }
  middles.sort((a, b) => a - b);
  let headerRows = middles.length > 0 ? 1 : 0;
  for (let i = 1; i < middles.length; i++) if (middles[i] - middles[i - 1] > 12) headerRows++;

  const overflowing = [];
  const width = document.documentElement.clientWidth;
  function clipper(element) {
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX !== 'visible') return parent;
    }
    return null;
  }
  for (const element of Array.from(document.querySelectorAll('body *'))) {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden' || style.opacity === '0') continue;
    if (element.closest('[inert], [hidden], .visually-hidden')) continue;
    if (element.closest('pre, .cm-scroller, .markdown table, canvas')) continue;
    // An icon's paths may poke a pixel past its box; Excalidraw's laser-pointer layer is an empty overlay.
    if (element.closest('svg') !== element && element.closest('svg')) continue;
    if (element.closest('.SVGLayer')) continue;
    if (box.right > width + 1 || box.left < -1) {
      overflowing.push(describe(element) + ' spans ' + Math.round(box.left) + '–' + Math.round(box.right) + ' in a ' + width + ' px window');
      continue;
    }
    const container = clipper(element);
    if (!container || getComputedStyle(container).textOverflow === 'ellipsis') continue;
    const outer = container.getBoundingClientRect();
    if (box.right > outer.right + 1 || box.left < outer.left - 1) {
      overflowing.push(describe(element) + ' spans ' + Math.round(box.left) + '–' + Math.round(box.right) + ' in ' + describe(container) + ' at ' + Math.round(outer.left) + '–' + Math.round(outer.right));
    }
  }
  return { headerRows, overflowing };
})()`;

export function measureLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(probe) as Promise<LayoutReport>;
}
