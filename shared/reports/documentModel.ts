import type { ReportImage, ReportKind, ReportLanguage } from './reportTypes';

/**
 * A report as a list of blocks with every string already translated and redacted. Builders
 * produce it; the PDF renderer only lays it out, so what a report says is tested without a
 * PDF, and the renderer never decides what may be shown.
 */
export interface ReportDocument {
  kind: ReportKind;
  language: ReportLanguage;
  title: string;
  /** Under the title on page one: the record or the period. */
  subtitle: string;
  /** A plain ASCII file name without extension; never a person's name. */
  fileBaseName: string;
  header: {
    organisationName: string;
    logo: ReportImage | null;
    /** "Generated 12 Mar 2025, 14:05" in the report language. */
    generated: string;
  };
  footer: {
    /** Printed on every page: the confidentiality or redaction marking, or the aggregate note. */
    marking: string;
    /** Whether the marking warns of personal data (drawn in the alert colour). */
    confidential: boolean;
    /** "Page %page% of %total%": the renderer fills the numbers in. */
    pageTemplate: string;
  };
  blocks: Block[];
}

export type Align = 'left' | 'right' | 'center';

export interface TableColumn {
  header: string;
  /** Relative width; columns without one share what is left. */
  width?: number;
  align?: Align;
}

export type Block =
  /** Level 1: a section; level 2: a sub-section (a questionnaire part). */
  | { type: 'heading'; text: string; level?: 1 | 2 }
  | { type: 'paragraph'; text: string; tone?: 'normal' | 'muted' }
  /** Label/value pairs in a grid. */
  | { type: 'fields'; items: { label: string; value: string }[]; columns?: 1 | 2 }
  /** Key figures as tiles. */
  | { type: 'stats'; items: { label: string; value: string }[] }
  | {
      type: 'table';
      columns: TableColumn[];
      rows: string[][];
      /** A totals row, drawn bold. */
      foot?: string[];
      /** Shown instead of an empty table. */
      emptyText: string;
      /** Indexes of rows to highlight (overdue, critical). */
      highlight?: number[];
      /** Font size in points; large annexes use a smaller one. */
      fontSize?: number;
    }
  | {
      type: 'barChart';
      title: string;
      bars: ChartBar[];
      /** Shown instead of an empty chart. */
      emptyText: string;
      note?: string;
    }
  | { type: 'photos'; items: { image: ReportImage; caption: string }[] }
  | { type: 'notice'; text: string; tone: 'info' | 'warning' }
  /** The letterhead block of a referral letter: addressee and sender side by side. */
  | { type: 'addresses'; to: { label: string; lines: string[] }; from: { label: string; lines: string[] } }
  | { type: 'signature'; lines: string[] }
  | { type: 'pageBreak' };

export interface ChartBar {
  label: string;
  /** Bar length in units; a suppressed count is drawn at the threshold, hatched. */
  value: number;
  /** The label printed at the end of the bar: "12", "<5". */
  display: string;
  /** Drawn as a suppressed (not exact) value. */
  suppressed: boolean;
}
