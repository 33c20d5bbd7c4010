import { jsPDF } from 'jspdf';
import { autoTable, type CellHookData, type Styles, type UserOptions } from 'jspdf-autotable';
import type { Block, ChartBar, ReportDocument } from '../../../../../shared/reports/documentModel';
import type { ReportImage } from '../../../../../shared/reports/reportTypes';
import { colors, contentWidth, page, PT, type, type Rgb } from './pdfTheme';

/**
 * The one PDF renderer: lays a ReportDocument out on A4 pages with jsPDF and jspdf-autotable.
 * No DOM and no Node in here, so the report worker and the Node tests run the very same code.
 *
 * jsPDF's standard fonts are WinAnsi: they lose Đ and all Cyrillic. DejaVu Sans (regular and
 * bold) is embedded instead, subset to the glyphs used, and named in every autotable style.
 */
export const FONT = 'DejaVuSans';

export interface ReportFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface RenderProgress {
  /** 0…1 */
  fraction: number;
  pages: number;
}

export interface RenderHooks {
  onProgress?: (progress: RenderProgress) => void;
  /** Checked between blocks and table chunks; true stops the rendering. */
  isCancelled?: () => boolean;
}

export class ReportCancelledError extends Error {
  constructor() {
    super('Report cancelled');
    this.name = 'ReportCancelledError';
  }
}

export interface RenderedReport {
  bytes: Uint8Array<ArrayBuffer>;
  pageCount: number;
}

const binaryCache = new WeakMap<Uint8Array, string>();
/** jsPDF reads a TTF from its virtual file system as a binary string. */
function toBinaryString(bytes: Uint8Array): string {
  const cached = binaryCache.get(bytes);
  if (cached) return cached;
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  binaryCache.set(bytes, out);
  return out;
}

const lineHeight = (size: number, factor = 1.35) => size * PT * factor;

/** A table row of this many body rows reports progress once. */
const PROGRESS_EVERY_ROWS = 100;

function blockWeight(block: Block): number {
  if (block.type === 'table') return 2 + block.rows.length;
  if (block.type === 'barChart') return 2 + block.bars.length / 4;
  if (block.type === 'photos') return 1 + block.items.length * 2;
  return 1;
}

class PdfWriter {
  readonly doc: jsPDF;
  private y = page.top;
  private done = 0;
  private readonly total: number;
  private lastReport = 0;

  constructor(
    private readonly model: ReportDocument,
    fonts: ReportFonts,
    private readonly hooks: RenderHooks,
  ) {
    this.doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
    this.doc.addFileToVFS('DejaVuSans.ttf', toBinaryString(fonts.regular));
    this.doc.addFont('DejaVuSans.ttf', FONT, 'normal');
    this.doc.addFileToVFS('DejaVuSans-Bold.ttf', toBinaryString(fonts.bold));
    this.doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold');
    this.doc.setFont(FONT, 'normal');
    this.doc.setLineHeightFactor(1.2);
    // The PDF's own title: the report's, never the subtitle (it may name a person).
    this.doc.setProperties({ title: model.title, creator: 'Protection Monitor', author: model.header.organisationName });
    this.total = model.blocks.reduce((sum, b) => sum + blockWeight(b), 0) || 1;
  }

  // ------------------------------------------------------------------------------------------
  // Plumbing
  // ------------------------------------------------------------------------------------------

  private checkCancelled() {
    if (this.hooks.isCancelled?.()) throw new ReportCancelledError();
  }

  private progress(extra = 0, force = false) {
    const now = this.done + extra;
    if (!force && now - this.lastReport < this.total / 100) return;
    this.lastReport = now;
    this.hooks.onProgress?.({
      fraction: Math.min(0.9, (now / this.total) * 0.9),
      pages: this.doc.getNumberOfPages(),
    });
  }

  private font(style: 'normal' | 'bold', size: number, color: Rgb = colors.text) {
    this.doc.setFont(FONT, style);
    this.doc.setFontSize(size);
    this.doc.setTextColor(...color);
  }

  private newPage() {
    this.doc.addPage();
    this.y = page.top;
  }

  private ensureSpace(height: number) {
    if (this.y + height > page.bottom && this.y > page.top) this.newPage();
  }

  private wrap(text: string, width: number): string[] {
    return this.doc.splitTextToSize(text, width) as string[];
  }

  /** Wrapped text, flowing onto new pages line by line. */
  private textLines(text: string, size: number, opts: { x?: number; width?: number; color?: Rgb; bold?: boolean } = {}) {
    const x = opts.x ?? page.marginX;
    const width = opts.width ?? contentWidth;
    this.font(opts.bold ? 'bold' : 'normal', size, opts.color);
    const lh = lineHeight(size);
    for (const paragraph of text.split('\n')) {
      for (const line of this.wrap(paragraph, width)) {
        this.ensureSpace(lh);
        this.doc.text(line, x, this.y, { baseline: 'top' });
        this.y += lh;
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Blocks
  // ------------------------------------------------------------------------------------------

  render(): RenderedReport {
    this.titleBlock();
    this.model.blocks.forEach((block, i) => {
      this.checkCancelled();
      const next = this.model.blocks[i + 1];
      // Keep a heading with the start of what follows it, and a letter's last words with its signature.
      if (block.type === 'heading' && next) this.ensureSpace(lineHeight(type.heading) + 8 + estimateHeight(next));
      if (block.type === 'paragraph' && next?.type === 'signature') {
        this.font('normal', type.body);
        this.ensureSpace(this.wrap(block.text, contentWidth).length * lineHeight(type.body) + 34);
      }
      this.block(block);
      this.done += blockWeight(block);
      this.progress();
    });
    this.checkCancelled();
    this.hooks.onProgress?.({ fraction: 0.9, pages: this.doc.getNumberOfPages() });
    this.pageFrames();
    const bytes = new Uint8Array(this.doc.output('arraybuffer'));
    const pageCount = this.doc.getNumberOfPages();
    this.hooks.onProgress?.({ fraction: 1, pages: pageCount });
    return { bytes, pageCount };
  }

  private titleBlock() {
    const { title, subtitle } = this.model;
    this.font('bold', type.title, colors.brandDark);
    for (const line of this.wrap(title, contentWidth)) {
      this.doc.text(line, page.marginX, this.y, { baseline: 'top' });
      this.y += lineHeight(type.title, 1.2);
    }
    if (subtitle) {
      this.y += 1;
      this.textLines(subtitle, type.subtitle, { color: colors.muted });
    }
    this.y += 3;
  }

  private block(block: Block) {
    switch (block.type) {
      case 'heading':
        return this.heading(block.text, block.level ?? 1);
      case 'paragraph':
        this.textLines(block.text, type.body, { color: block.tone === 'muted' ? colors.muted : colors.text });
        this.y += 2.5;
        return;
      case 'fields':
        return this.fields(block.items, block.columns ?? 2);
      case 'stats':
        return this.stats(block.items);
      case 'table':
        return this.table(block);
      case 'barChart':
        return this.barChart(block);
      case 'photos':
        return this.photos(block.items);
      case 'notice':
        return this.notice(block.text, block.tone);
      case 'addresses':
        return this.addresses(block.to, block.from);
      case 'signature':
        return this.signature(block.lines);
      case 'pageBreak':
        if (this.y > page.top) this.newPage();
        return;
    }
  }

  private heading(text: string, level: 1 | 2) {
    const size = level === 1 ? type.heading : type.subheading;
    // Keep a heading with at least a few lines of what follows it.
    this.y += level === 1 ? 4 : 2;
    this.ensureSpace(lineHeight(size) + 16);
    this.textLines(text, size, { bold: true, color: level === 1 ? colors.brandDark : colors.text });
    if (level === 1) {
      this.doc.setDrawColor(...colors.brand);
      this.doc.setLineWidth(0.35);
      this.doc.line(page.marginX, this.y + 0.2, page.marginX + contentWidth, this.y + 0.2);
      this.y += 2.5;
    } else {
      this.y += 1;
    }
  }

  private baseStyles(fontSize: number): Partial<Styles> {
    return {
      font: FONT,
      fontStyle: 'normal',
      fontSize,
      textColor: colors.text,
      lineColor: colors.gridLine,
      lineWidth: 0.1,
      cellPadding: { top: 1.5, bottom: 1.5, left: 1.8, right: 1.8 },
      overflow: 'linebreak',
      valign: 'top',
    };
  }

  private runTable(options: UserOptions) {
    autoTable(this.doc, {
      startY: this.y,
      margin: { top: page.top, bottom: page.height - page.bottom, left: page.marginX, right: page.marginX },
      tableWidth: contentWidth,
      ...options,
    });
    const last = (this.doc as unknown as { lastAutoTable?: { finalY?: number } }).lastAutoTable;
    this.y = (last?.finalY ?? this.y) + 3;
  }

  private fields(items: { label: string; value: string }[], columns: 1 | 2) {
    if (!items.length) return;
    const rows: string[][] = [];
    for (let i = 0; i < items.length; i += columns) {
      const row: string[] = [];
      for (let c = 0; c < columns; c++) {
        const item = items[i + c];
        row.push(item?.label ?? '', item?.value ?? '');
      }
      rows.push(row);
    }
    const labelWidth = columns === 2 ? contentWidth * 0.17 : contentWidth * 0.3;
    const valueWidth = columns === 2 ? contentWidth * 0.33 : contentWidth * 0.7;
    const base = this.baseStyles(type.body);
    this.runTable({
      body: rows,
      theme: 'plain',
      styles: base,
      bodyStyles: { font: FONT },
      headStyles: { font: FONT },
      footStyles: { font: FONT },
      columnStyles: Object.fromEntries(
        Array.from({ length: columns * 2 }, (_, i) => [
          i,
          i % 2 === 0
            ? { font: FONT, cellWidth: labelWidth, fillColor: colors.tile, textColor: colors.muted, fontSize: type.small + 0.5 }
            : { font: FONT, cellWidth: valueWidth },
        ]),
      ),
      rowPageBreak: 'avoid',
      pageBreak: 'avoid',
    });
  }

  private stats(items: { label: string; value: string }[]) {
    if (!items.length) return;
    const perRow = items.length <= 4 ? items.length : Math.ceil(items.length / 2);
    const gap = 3;
    const width = (contentWidth - gap * (perRow - 1)) / perRow;
    const height = 19;
    for (let i = 0; i < items.length; i += perRow) {
      this.ensureSpace(height + gap);
      items.slice(i, i + perRow).forEach((item, c) => {
        const x = page.marginX + c * (width + gap);
        this.doc.setFillColor(...colors.tile);
        this.doc.rect(x, this.y, width, height, 'F');
        this.doc.setFillColor(...colors.brand);
        this.doc.rect(x, this.y, 1, height, 'F');
        this.font('bold', 15, colors.brandDark);
        this.doc.text(item.value, x + 4, this.y + 2.5, { baseline: 'top' });
        this.font('normal', type.small, colors.muted);
        this.wrap(item.label, width - 6)
          .slice(0, 2)
          .forEach((line, l) => this.doc.text(line, x + 4, this.y + 10.5 + l * lineHeight(type.small, 1.2), { baseline: 'top' }));
      });
      this.y += height + gap;
    }
    this.y += 1;
  }

  private table(block: Extract<Block, { type: 'table' }>) {
    if (!block.rows.length) {
      if (block.emptyText) {
        this.textLines(block.emptyText, type.body, { color: colors.muted });
        this.y += 2.5;
      }
      return;
    }
    const fontSize = block.fontSize ?? type.table;
    const weights = block.columns.map((c) => c.width ?? 1);
    const sum = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => (w / sum) * contentWidth);
    const highlight = new Set(block.highlight ?? []);
    const alignOf = (i: number) => block.columns[i]?.align ?? 'left';
    const startDone = this.done;
    let rowsDrawn = 0;
    // Never a lone header at the foot of a page.
    this.ensureSpace(24);
    this.runTable({
      head: [block.columns.map((c) => c.header)],
      body: block.rows,
      foot: block.foot ? [block.foot] : undefined,
      showHead: 'everyPage',
      showFoot: 'lastPage',
      theme: 'grid',
      rowPageBreak: block.rows.length > 50 ? 'auto' : 'avoid',
      // A short table moves to the next page whole rather than leaving a row or two behind.
      pageBreak: block.rows.length <= 12 ? 'avoid' : 'auto',
      styles: this.baseStyles(fontSize),
      headStyles: { font: FONT, fontStyle: 'bold', fillColor: colors.brand, textColor: colors.white, fontSize, valign: 'middle' },
      bodyStyles: { font: FONT },
      footStyles: { font: FONT, fontStyle: 'bold', fillColor: colors.foot, textColor: colors.text, fontSize },
      alternateRowStyles: { font: FONT, fillColor: colors.zebra },
      columnStyles: Object.fromEntries(widths.map((w, i) => [i, { font: FONT, cellWidth: w, halign: alignOf(i) }])),
      didParseCell: (data: CellHookData) => {
        data.cell.styles.halign = alignOf(data.column.index);
        if (data.section === 'body' && highlight.has(data.row.index)) {
          data.cell.styles.fillColor = colors.highlight;
          data.cell.styles.textColor = colors.highlightText;
        }
      },
      didDrawCell: (data: CellHookData) => {
        if (data.section !== 'body' || data.column.index !== 0) return;
        rowsDrawn += 1;
        if (rowsDrawn % PROGRESS_EVERY_ROWS === 0) this.progress(rowsDrawn, true);
      },
    });
    this.done = startDone;
  }

  private barChart(block: Extract<Block, { type: 'barChart' }>) {
    this.y += 2;
    this.ensureSpace(30);
    this.textLines(block.title, type.body, { bold: true });
    this.y += 1;
    if (!block.bars.length) {
      this.textLines(block.emptyText, type.body, { color: colors.muted });
      this.y += 2.5;
      return;
    }
    const labelWidth = 58;
    const valueWidth = 14;
    const barArea = contentWidth - labelWidth - valueWidth - 4;
    const barHeight = 4.6;
    const step = 6.6;
    const axisHeight = 7;
    const ticks = countAxis(Math.max(...block.bars.map((b) => b.value)));
    const max = ticks[ticks.length - 1]!;
    const x0 = page.marginX + labelWidth + 2;
    const scale = (v: number) => (v / max) * barArea;

    let index = 0;
    while (index < block.bars.length) {
      // As many bars as fit on this page, the axis repeated under each part.
      const room = Math.floor((page.bottom - this.y - axisHeight) / step);
      if (room < 2) {
        this.newPage();
        continue;
      }
      const part = block.bars.slice(index, index + room);
      const top = this.y;
      const bottom = top + part.length * step;
      // Grid lines and tick labels.
      this.doc.setDrawColor(...colors.gridLine);
      this.doc.setLineWidth(0.15);
      this.font('normal', 6.5, colors.muted);
      for (const tick of ticks) {
        const x = x0 + scale(tick);
        this.doc.line(x, top - 0.8, x, bottom);
        this.doc.text(String(tick), x, bottom + 1.2, { baseline: 'top', align: 'center' });
      }
      part.forEach((bar, i) => this.bar(bar, top + i * step, x0, labelWidth, scale, barHeight));
      this.doc.setDrawColor(...colors.muted);
      this.doc.setLineWidth(0.3);
      this.doc.line(x0, top - 0.8, x0, bottom);
      this.y = bottom + axisHeight;
      index += part.length;
      if (index < block.bars.length) this.newPage();
    }
    if (block.note) this.textLines(block.note, type.small, { color: colors.muted });
    this.y += 3;
  }

  private bar(bar: ChartBar, y: number, x0: number, labelWidth: number, scale: (v: number) => number, height: number) {
    this.font('normal', type.small + 0.5, colors.text);
    const label = fitText(this.doc, bar.label, labelWidth - 2);
    this.doc.text(label, x0 - 2, y + height / 2, { baseline: 'middle', align: 'right' });
    const width = Math.max(scale(bar.value), bar.value > 0 ? 0.6 : 0);
    if (bar.suppressed) {
      // Not to scale: a fixed, pale, dashed bar says "small number" without its size.
      this.doc.setFillColor(...colors.barSuppressed);
      this.doc.setDrawColor(...colors.brand);
      this.doc.setLineWidth(0.2);
      this.doc.setLineDashPattern([0.8, 0.6], 0);
      this.doc.rect(x0, y, width, height, 'FD');
      this.doc.setLineDashPattern([], 0);
    } else if (width > 0) {
      this.doc.setFillColor(...colors.brand);
      this.doc.rect(x0, y, width, height, 'F');
    }
    this.font('bold', type.small + 0.5, bar.suppressed ? colors.muted : colors.text);
    this.doc.text(bar.display, x0 + width + 1.5, y + height / 2, { baseline: 'middle' });
  }

  private photos(items: { image: ReportImage; caption: string }[]) {
    const perRow = 3;
    const gap = 4;
    const cell = (contentWidth - gap * (perRow - 1)) / perRow;
    const maxImage = 42;
    for (let i = 0; i < items.length; i += perRow) {
      this.checkCancelled();
      const row = items.slice(i, i + perRow);
      this.ensureSpace(maxImage + 12);
      let rowHeight = 0;
      row.forEach((item, c) => {
        const x = page.marginX + c * (cell + gap);
        const drawn = this.image(item.image, x, this.y, cell, maxImage);
        this.font('normal', type.small, colors.muted);
        const lines = this.wrap(item.caption, cell).slice(0, 2);
        lines.forEach((line, l) =>
          this.doc.text(line, x, this.y + drawn + 1.5 + l * lineHeight(type.small, 1.2), { baseline: 'top' }),
        );
        rowHeight = Math.max(rowHeight, drawn + 2 + lines.length * lineHeight(type.small, 1.2));
      });
      this.y += rowHeight + gap;
    }
  }

  /** Draws an image fitted into a box; returns the height used. A broken image is a grey box. */
  private image(image: ReportImage, x: number, y: number, maxWidth: number, maxHeight: number, alias?: string): number {
    try {
      const props = this.doc.getImageProperties(image.data);
      const ratio = Math.min(maxWidth / props.width, maxHeight / props.height);
      const w = props.width * ratio;
      const h = props.height * ratio;
      this.doc.addImage(image.data, image.format, x, y, w, h, alias, 'FAST');
      return h;
    } catch {
      this.doc.setFillColor(...colors.tile);
      this.doc.rect(x, y, maxWidth, maxHeight * 0.6, 'F');
      return maxHeight * 0.6;
    }
  }

  private notice(text: string, tone: 'info' | 'warning') {
    this.font('normal', type.body);
    const lines = this.wrap(text, contentWidth - 9);
    const height = lines.length * lineHeight(type.body) + 5;
    this.ensureSpace(height + 2);
    this.doc.setFillColor(...(tone === 'warning' ? colors.warnBg : colors.infoBg));
    this.doc.rect(page.marginX, this.y, contentWidth, height, 'F');
    this.doc.setFillColor(...(tone === 'warning' ? colors.warnBar : colors.brand));
    this.doc.rect(page.marginX, this.y, 1.2, height, 'F');
    this.font('normal', type.body, colors.text);
    lines.forEach((line, i) => this.doc.text(line, page.marginX + 5, this.y + 2.5 + i * lineHeight(type.body), { baseline: 'top' }));
    this.y += height + 3;
  }

  private addresses(to: { label: string; lines: string[] }, from: { label: string; lines: string[] }) {
    const column = (contentWidth - 10) / 2;
    const start = this.y;
    let bottom = start;
    [to, from].forEach((part, i) => {
      const x = page.marginX + i * (column + 10);
      let y = start;
      this.font('normal', type.small, colors.muted);
      this.doc.text(part.label.toUpperCase(), x, y, { baseline: 'top' });
      y += lineHeight(type.small) + 0.5;
      part.lines.forEach((line, l) => {
        this.font(l === 0 ? 'bold' : 'normal', type.body, colors.text);
        for (const w of this.wrap(line, column)) {
          this.doc.text(w, x, y, { baseline: 'top' });
          y += lineHeight(type.body);
        }
      });
      bottom = Math.max(bottom, y);
    });
    this.y = bottom + 4;
  }

  private signature(lines: string[]) {
    this.ensureSpace(30);
    this.y += 14;
    this.doc.setDrawColor(...colors.muted);
    this.doc.setLineWidth(0.25);
    this.doc.line(page.marginX, this.y, page.marginX + 70, this.y);
    this.y += 1.5;
    lines.forEach((line, i) => this.textLines(line, type.body, { bold: i === 0 }));
  }

  // ------------------------------------------------------------------------------------------
  // Header and footer on every page, once the page count is known.
  // ------------------------------------------------------------------------------------------

  private pageFrames() {
    const total = this.doc.getNumberOfPages();
    const { header, footer, title } = this.model;
    for (let n = 1; n <= total; n++) {
      this.doc.setPage(n);
      let textX = page.marginX;
      if (header.logo) {
        const used = this.imageWidth(header.logo, page.marginX, 8.5, 34, 12);
        textX += used > 0 ? used + 4 : 0;
      }
      const rightWidth = 62;
      this.font('bold', 9.5, colors.brandDark);
      this.doc.text(fitText(this.doc, header.organisationName, page.width - page.marginX - rightWidth - textX), textX, 10, {
        baseline: 'top',
      });
      this.font('normal', type.header, colors.muted);
      this.doc.text(fitText(this.doc, title, page.width - page.marginX - rightWidth - textX), textX, 15, { baseline: 'top' });
      this.font('normal', type.small, colors.muted);
      this.doc.text(header.generated, page.width - page.marginX, 10, { baseline: 'top', align: 'right' });
      this.doc.setDrawColor(...colors.brand);
      this.doc.setLineWidth(0.6);
      this.doc.line(page.marginX, 22.5, page.width - page.marginX, 22.5);

      const footerY = page.bottom + 4;
      this.doc.setDrawColor(...colors.rule);
      this.doc.setLineWidth(0.25);
      this.doc.line(page.marginX, footerY, page.width - page.marginX, footerY);
      const pageLabel = footer.pageTemplate.replace('%page%', String(n)).replace('%total%', String(total));
      this.font('normal', type.small, colors.muted);
      this.doc.text(pageLabel, page.width - page.marginX, footerY + 2, { baseline: 'top', align: 'right' });
      this.font(footer.confidential ? 'bold' : 'normal', type.small, footer.confidential ? colors.confidential : colors.muted);
      this.wrap(footer.marking, contentWidth - 40)
        .slice(0, 2)
        .forEach((line, l) => this.doc.text(line, page.marginX, footerY + 2 + l * lineHeight(type.small, 1.2), { baseline: 'top' }));
    }
  }

  /** The logo in the header, the same image object on every page. Returns the width used. */
  private imageWidth(image: ReportImage, x: number, y: number, maxWidth: number, maxHeight: number): number {
    try {
      const props = this.doc.getImageProperties(image.data);
      const ratio = Math.min(maxWidth / props.width, maxHeight / props.height);
      this.doc.addImage(image.data, image.format, x, y, props.width * ratio, props.height * ratio, 'pm-logo', 'FAST');
      return props.width * ratio;
    } catch {
      return 0;
    }
  }
}

/** A rough height of the first part of a block (mm), to keep headings with their content. */
function estimateHeight(block: Block): number {
  switch (block.type) {
    case 'fields':
      return Math.min(70, Math.ceil(block.items.length / (block.columns ?? 2)) * 10 + 4);
    case 'table':
      return block.rows.length <= 12 ? Math.min(100, (block.rows.length + 1) * 9) : 30;
    case 'barChart':
      return Math.min(6, block.bars.length) * 6.6 + 14;
    case 'stats':
      return 22;
    case 'photos':
      return 50;
    default:
      return 12;
  }
}

/** An axis for counts: whole-number steps of 1, 2 or 5 × 10^n, about four of them. */
function countAxis(value: number): number[] {
  const raw = Math.max(value, 1) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  const max = Math.ceil(Math.max(value, 1) / step) * step;
  return Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
}

/** Shortens text with an ellipsis to fit a width at the current font. */
function fitText(doc: jsPDF, text: string, width: number): string {
  if (doc.getTextWidth(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.getTextWidth(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Renders the document to PDF bytes. Throws ReportCancelledError when `isCancelled` says so. */
export function renderReportPdf(model: ReportDocument, fonts: ReportFonts, hooks: RenderHooks = {}): RenderedReport {
  return new PdfWriter(model, fonts, hooks).render();
}
