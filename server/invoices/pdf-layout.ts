import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans, shipped through npm (never a system font: CI and the container
 * have none to speak of). It covers Latin with its accents, Greek and
 * Cyrillic; a character it has no glyph for (CJK, most emoji) prints as a box.
 */
export const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

export type FontName = keyof typeof FONTS;

/** A4 in points, with the same margin all round; the page number sits in the bottom margin. */
export const PAGE = { size: 'A4', width: 595.28, height: 841.89, margin: 50 } as const;

export const COLORS = { text: '#111111', muted: '#555555', rule: '#BBBBBB', link: '#1A4FB5' };

export interface TextStyle {
  font?: FontName;
  size?: number;
  color?: string;
}

export interface WriteOptions extends TextStyle {
  x: number;
  width: number;
  align?: 'left' | 'right';
  /** An http(s) address: every line of the text links to it. */
  link?: string;
}

/** A document drawing in DejaVu Sans, pages kept until the end so they can be numbered. */
export async function createDocument(info: PDFKit.DocumentInfo): Promise<PDFKit.PDFDocument> {
  // Loaded on the first PDF: pdfkit and its font engine are a fifth of a second of start-up.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    bufferPages: true,
    font: FONTS.regular,
    info,
  });
  return doc;
}

/** The whole document as bytes, once it has ended. */
export function collect(doc: PDFKit.PDFDocument): Promise<Buffer<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * `text` broken into lines no wider than `width` in the current font: at
 * spaces where it can, inside a word too long for a line, and at every line
 * break it has. Done here, not by pdfkit, so a row of the table can carry on
 * over a page break line by line.
 */
export function wrapText(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const fits = (s: string) => doc.widthOfString(s) <= width;
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/[ \t]+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      // Too long for a line of its own: cut it (by code point, never inside a surrogate pair).
      for (const char of Array.from(word)) {
        if (line !== '' && !fits(line + char)) {
          lines.push(line);
          line = '';
        }
        line += char;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * A cursor down the pages: writes wrapped text line by line, starting a new
 * page when the next line would run into the bottom margin (and then calling
 * `onNewPage`, which the table uses to repeat its header).
 */
export class Flow {
  y: number;
  onNewPage: (() => void) | undefined;
  readonly left = PAGE.margin;
  readonly right = PAGE.width - PAGE.margin;
  readonly top = PAGE.margin;
  /** Room is left under this for the page number. */
  readonly bottom = PAGE.height - PAGE.margin;

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.y = this.top;
  }

  get width(): number {
    return this.right - this.left;
  }

  /** Space left on this page. */
  get room(): number {
    return this.bottom - this.y;
  }

  style({ font = 'regular', size = 9, color = COLORS.text }: TextStyle): number {
    // By path: the document opened the regular face by its path already, and keeps each one it opens.
    this.doc.font(FONTS[font]).fontSize(size).fillColor(color);
    return size * 1.35;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
    this.onNewPage?.();
  }

  /** A new page unless `height` still fits on this one (anything taller than a page never fits). */
  keep(height: number): void {
    if (height > this.room && this.y > this.top) this.newPage();
  }

  /** One line, unwrapped, at `y` (this cursor does not move). */
  line(text: string, y: number, options: WriteOptions): void {
    this.style(options);
    const x =
      options.align === 'right'
        ? options.x + options.width - this.doc.widthOfString(text)
        : options.x;
    const link = options.link && isWebLink(options.link) ? options.link : undefined;
    if (link) this.doc.fillColor(COLORS.link);
    this.doc.text(text, x, y, {
      lineBreak: false,
      ...(link ? { link, underline: true } : {}),
    });
  }

  /** Wrapped text from the cursor down, the cursor left under it. */
  write(text: string, options: WriteOptions): void {
    const lineHeight = this.style(options);
    for (const line of wrapText(this.doc, text, options.width)) {
      this.keep(lineHeight);
      this.line(line, this.y, options);
      this.y += lineHeight;
    }
  }

  /** The lines `write` would break the text into, in that style. */
  wrap(text: string, options: TextStyle & { width: number }): string[] {
    this.style(options);
    return wrapText(this.doc, text, options.width);
  }

  /** The height `write` would take for the text, without drawing. */
  measure(text: string, options: TextStyle & { width: number }): number {
    return this.wrap(text, options).length * this.style(options);
  }

  rule(y: number = this.y, color: string = COLORS.rule): void {
    this.doc.moveTo(this.left, y).lineTo(this.right, y).lineWidth(0.5).strokeColor(color).stroke();
  }

  /** "Invoice INV-7 · Page 2 of 3" at the foot of every page. */
  numberPages(label: (page: number, count: number) => string): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      this.line(label(i - start + 1, count), PAGE.height - PAGE.margin + 16, {
        x: this.left,
        width: this.width,
        align: 'right',
        size: 8,
        color: COLORS.muted,
      });
    }
  }
}
