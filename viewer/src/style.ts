import type { NodeLabel } from './types.ts';

/** Colour per node label (legend, nodes) and per relationship type (edges). */
export const LABEL_COLORS: Record<NodeLabel, string> = {
  Official: '#d1495b',
  Post: '#8e6bbf',
  City: '#2e9e5b',
  Meeting: '#2f6fb5',
  Campaign: '#e58a1f',
  Site: '#8a5a44',
  Article: '#8c8c8c',
};

export const LABEL_NAMES: Record<NodeLabel, string> = {
  Official: '官员 Official',
  Post: '职务 Post',
  City: '地区 City',
  Meeting: '会议 Meeting',
  Campaign: '活动 Campaign',
  Site: '地点 Site',
  Article: '文章 Article',
};

export const TYPE_COLORS: Record<string, string> = {
  CHAIRED: '#1f4e8c',
  ATTENDED: '#7aa6d8',
  INSPECTED: '#3c9a62',
  HOLDS: '#a38bcf',
  PROMOTED: '#efb36b',
  POST_IN: '#cfc4e3',
  HELD_IN: '#bcd3ee',
  LOCATED_IN: '#d6c3b8',
  PART_OF: '#b9dcc6',
  MENTIONS: '#e3e3e3',
};

export const TYPE_NAMES: Record<string, string> = {
  CHAIRED: '主持 CHAIRED',
  ATTENDED: '出席 ATTENDED',
  INSPECTED: '调研 INSPECTED',
  HOLDS: '任职 HOLDS',
  PROMOTED: '推进 PROMOTED',
  POST_IN: '职务所在 POST_IN',
  HELD_IN: '举办地 HELD_IN',
  LOCATED_IN: '位于 LOCATED_IN',
  PART_OF: '隶属 PART_OF',
  MENTIONS: '提及 MENTIONS',
};

/** Icon drawn inside each node (files in viewer/public/icons). */
export const iconUrl = (label: NodeLabel): string => `icons/${label}.svg`;

/** Chinese labels need a CJK font; the same stack is used in CSS and on the canvas. */
export const FONT_STACK =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif';

export const DIMMED_NODE = '#e6e6e6';
export const DIMMED_EDGE = '#f0f0f0';

/** Size by degree; in large graphs nodes shrink so that they do not cover one another. */
export function nodeSize(degree: number, order: number): number {
  const scale = order > 2000 ? Math.sqrt(2000 / order) : 1;
  return Math.max(1.5, Math.min(4 + 2.2 * Math.sqrt(degree), 24) * scale);
}
