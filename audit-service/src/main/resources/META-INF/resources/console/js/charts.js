// Apache ECharts (served from the mvnpm artifact) set up the same way for every chart: mirrored for Arabic,
// described for screen readers, resized with the window, and disposed when the view changes.
import { currentLanguage } from './i18n.js';

/** Colours that keep 4.5:1 against white for text and differ in lightness, so they read in greyscale too. */
export const COLOURS = {
  assessed: '#0b4f6c',
  collected: '#1b6e3a',
  gap: '#b3261e',
  assessedEarlier: '#6f9fb5',
  collectedEarlier: '#7fae8d',
  gapEarlier: '#dc8b85',
};

/** Hatching on the year-earlier series, so they differ from this period by pattern as well as by colour. */
export const EARLIER_DECAL = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4, color: 'rgba(255,255,255,0.55)' };

/** Room at both sides for the axis labels, and for the half of the last value label that overhangs the axis. */
export const GRID = { top: 40, bottom: 10, left: 40, right: 40, containLabel: true };

const live = new Set();

window.addEventListener('resize', () => live.forEach((instance) => instance.resize()));

export function isRightToLeft() {
  return currentLanguage() === 'ar';
}

/**
 * Draws option into container, a chart whose categories run along the y axis when onPick is given. description is
 * what a screen reader hears for the chart; onPick gets the index of the category a person clicked.
 */
export function draw(container, option, description, onPick) {
  if (!container.isConnected) {
    // The person moved on to another view while the figures were loading.
    return null;
  }
  const instance = echarts.init(container, null, { renderer: 'canvas' });
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  instance.setOption({
    animation: !reducedMotion,
    aria: { enabled: true, label: { description } },
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily, color: '#1a1a1a' },
    ...option,
  });
  if (onPick) {
    // The whole row of a category is the target, not just its thin bars: easier to hit, with a mouse or a finger.
    const zr = instance.getZr();
    const categoryAt = (event) => {
      const point = [event.offsetX, event.offsetY];
      if (!instance.containPixel('grid', point)) {
        return -1;
      }
      const index = Math.round(instance.convertFromPixel({ seriesIndex: 0 }, point)[1]);
      return index >= 0 && index < instance.getOption().yAxis[0].data.length ? index : -1;
    };
    zr.on('click', (event) => {
      const index = categoryAt(event);
      if (index >= 0) {
        onPick(index);
      }
    });
    zr.on('mousemove', (event) => zr.setCursorStyle(categoryAt(event) >= 0 ? 'pointer' : 'default'));
  }
  live.add(instance);
  return instance;
}

export function disposeAll() {
  live.forEach((instance) => instance.dispose());
  live.clear();
}

/** Text for a tooltip: ECharts renders tooltips as HTML, so everything from data is escaped. */
export function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
