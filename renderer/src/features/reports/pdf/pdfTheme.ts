/** Sober UNHCR-style palette and A4 geometry for every report (millimetres, points for type). */
export type Rgb = [number, number, number];

export const colors = {
  brand: [0, 114, 188] as Rgb,
  brandDark: [0, 73, 128] as Rgb,
  text: [27, 31, 36] as Rgb,
  muted: [90, 101, 112] as Rgb,
  rule: [200, 208, 216] as Rgb,
  gridLine: [214, 220, 227] as Rgb,
  zebra: [244, 247, 250] as Rgb,
  tile: [238, 243, 248] as Rgb,
  foot: [226, 236, 245] as Rgb,
  highlight: [253, 236, 234] as Rgb,
  highlightText: [140, 29, 24] as Rgb,
  confidential: [164, 38, 44] as Rgb,
  barSuppressed: [190, 214, 234] as Rgb,
  infoBg: [232, 241, 250] as Rgb,
  warnBg: [255, 244, 206] as Rgb,
  warnBar: [196, 140, 0] as Rgb,
  white: [255, 255, 255] as Rgb,
};

export const page = {
  width: 210,
  height: 297,
  marginX: 16,
  /** Content starts below the header band. */
  top: 30,
  /** Content ends above the footer band. */
  bottom: 281,
};
export const contentWidth = page.width - 2 * page.marginX;

export const type = {
  title: 18,
  subtitle: 10.5,
  heading: 12,
  subheading: 10,
  body: 9.5,
  table: 9,
  small: 7.5,
  header: 8,
};

/** Millimetres per point. */
export const PT = 0.3528;
