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

/**
 * The controls (buttons, fields, links, tabs, the editor) whose visible part lies under the call
 * dock. Visible means cut to every ancestor that clips, so a list scrolled away under the dock does
 * not count; the dock's own controls are its own.
 */
const dockProbe = `(() => {
  const dock = document.querySelector('[data-testid=call-panel]');
  if (!dock) return ['no call dock on the page'];
  const d = dock.getBoundingClientRect();
  const found = [];
  const controls = 'button, input, select, textarea, a[href], [role=tab], [role=slider], [contenteditable=true], .cm-editor';
  for (const element of Array.from(document.querySelectorAll(controls))) {
    if (dock.contains(element) || element.closest('[inert], [hidden]')) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    let box = element.getBoundingClientRect();
    let left = box.left, top = box.top, right = box.right, bottom = box.bottom;
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      const s = getComputedStyle(parent);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const clip = parent.getBoundingClientRect();
      left = Math.max(left, clip.left); top = Math.max(top, clip.top);
      right = Math.min(right, clip.right); bottom = Math.min(bottom, clip.bottom);
    }
    if (right - left < 1 || bottom - top < 1) continue;
    const overlapX = Math.min(right, d.right) - Math.max(left, d.left);
    const overlapY = Math.min(bottom, d.bottom) - Math.max(top, d.top);
    if (overlapX > 1 && overlapY > 1) {
      const id = element.getAttribute('data-testid') || element.getAttribute('aria-label') || (element.textContent || '').trim().slice(0, 30);
      found.push(element.tagName.toLowerCase() + ' "' + id + '"');
    }
  }
  return found;
})()`;

export function controlsUnderDock(page: Page): Promise<string[]> {
  return page.evaluate(dockProbe) as Promise<string[]>;
}
