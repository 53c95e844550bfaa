/**
 * The public media kit's stylesheet, inlined into the page (the CSP allows
 * inline styles; the page has no script at all). Written for one printed
 * page as much as for the screen.
 */
export const KIT_CSS = `
:root {
  --ink: #16181d;
  --muted: #5b6170;
  --line: #e4e6eb;
  --paper: #ffffff;
  --wash: #f4f5f8;
  --accent: #5b5bd6;
  --accent-soft: #eeeefc;
  color-scheme: light dark;
}
/* Dark on screen when the visitor's device is (the page has no script, so no switch): printing stays light. */
@media screen and (prefers-color-scheme: dark) {
  :root {
    --ink: #eceef3;
    --muted: #a3aab6;
    --line: #2b303b;
    --paper: #171a21;
    --wash: #0e1016;
    --accent: #a9a9f7;
    --accent-soft: rgba(91, 91, 214, 0.2);
  }
}
@media print {
  :root { color-scheme: light; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--wash);
  color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.kit { max-width: 920px; margin: 0 auto; padding: 32px 20px 48px; }
.print-hint {
  margin: 0 0 16px;
  text-align: right;
  color: var(--muted);
  font-size: 13px;
}
.sheet {
  background: var(--paper);
  border: 1px solid var(--line);
  border-radius: 18px;
  overflow: hidden;
  box-shadow: 0 10px 30px rgba(22, 24, 29, 0.06);
}
.hero {
  padding: 40px 40px 32px;
  background: linear-gradient(135deg, #5b5bd6 0%, #8e4ec6 100%);
  color: #fff;
}
.hero__eyebrow {
  margin: 0 0 6px;
  font-size: 12px;
  letter-spacing: 0.14em;
  text-transform: uppercase;
  opacity: 0.85;
}
.hero h1 { margin: 0; font-size: 40px; line-height: 1.1; letter-spacing: -0.02em; }
.hero__headline { margin: 10px 0 0; font-size: 18px; opacity: 0.95; }
.hero__stats { display: flex; flex-wrap: wrap; gap: 28px; margin: 28px 0 0; padding: 0; }
.hero__stats div { margin: 0; }
.hero__stats dt { font-size: 12px; letter-spacing: 0.08em; text-transform: uppercase; opacity: 0.8; }
.hero__stats dd { margin: 2px 0 0; font-size: 26px; font-weight: 700; letter-spacing: -0.01em; }
.section { padding: 28px 40px; border-top: 1px solid var(--line); }
.section:first-of-type { border-top: 0; }
.section h2 {
  margin: 0 0 16px;
  font-size: 13px;
  letter-spacing: 0.12em;
  text-transform: uppercase;
  color: var(--accent);
}
.bio { margin: 0; white-space: pre-line; font-size: 16px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 14px; }
.card {
  border: 1px solid var(--line);
  border-radius: 12px;
  padding: 14px 16px;
  background: var(--paper);
  break-inside: avoid;
  page-break-inside: avoid;
}
.platform__name { margin: 0; font-weight: 600; }
.platform__handle { margin: 0; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.platform__numbers { margin: 10px 0 0; display: flex; gap: 18px; }
.platform__numbers dt { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
.platform__numbers dd { margin: 0; font-size: 18px; font-weight: 700; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 14px; margin: 16px 0 0; }
.facts div { margin: 0; }
.facts dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
.facts dd { margin: 2px 0 0; white-space: pre-line; }
.rates { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 14px; align-items: start; }
.rates h3 { margin: 0 0 8px; font-size: 15px; }
.rates table { width: 100%; border-collapse: collapse; }
.rates td { padding: 6px 0; border-top: 1px solid var(--line); vertical-align: top; }
.rates tr:first-child td { border-top: 0; }
.rates .price { text-align: right; font-weight: 700; white-space: nowrap; padding-left: 12px; }
.rates .note { display: block; color: var(--muted); font-size: 12px; }
.studies { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 14px; }
.study { display: flex; flex-direction: column; }
.study .metrics { margin-bottom: 12px; }
.testimonials { display: grid; gap: 12px; }
.testimonial { margin: 0; padding: 12px 16px; border-left: 3px solid var(--muted); }
.testimonial blockquote { margin: 0 0 8px; white-space: pre-line; }
.testimonial figcaption { font-size: 13px; color: var(--muted); }
.study__brand { margin: 0; font-size: 12px; letter-spacing: 0.08em; text-transform: uppercase; color: var(--accent); font-weight: 700; }
.study__title { margin: 4px 0 2px; font-size: 16px; font-weight: 600; }
.study__meta { margin: 0; color: var(--muted); font-size: 13px; }
.study__rate {
  margin: auto 0 0;
  padding: 8px 12px;
  border-radius: 10px;
  background: var(--accent-soft);
  display: flex;
  justify-content: space-between;
  align-items: baseline;
}
.study__rate dt { font-size: 12px; color: var(--muted); white-space: nowrap; }
.study__rate dd { margin: 0; font-size: 20px; font-weight: 800; color: var(--accent); }
.metrics { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px 12px; margin: 12px 0 0; }
.metrics div { margin: 0; }
.metrics dt { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
.metrics dd { margin: 0; font-weight: 700; }
.contact { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 12px; }
.contact p { margin: 0; }
.contact a { color: var(--accent); font-weight: 700; font-size: 18px; text-decoration: none; overflow-wrap: anywhere; }
.contact a:hover { text-decoration: underline; }
.contact a.cta { display: inline-block; color: #fff; background: #4b4bc4; border-radius: 999px; padding: 10px 22px; font-size: 16px; }
.muted { color: var(--muted); }
.footer { margin: 16px 0 0; text-align: center; color: var(--muted); font-size: 12px; }
.missing { max-width: 520px; margin: 18vh auto; padding: 32px; text-align: center; }
.missing h1 { margin: 0 0 8px; font-size: 24px; }
.missing p { margin: 0; color: var(--muted); }
@media (max-width: 640px) {
  .hero, .section { padding-left: 20px; padding-right: 20px; }
  .hero h1 { font-size: 30px; }
}
@media print {
  @page { margin: 14mm; }
  body { background: none; font-size: 12px; }
  .kit { max-width: none; padding: 0; }
  .print-hint, .footer { display: none; }
  .sheet { border: 0; border-radius: 0; box-shadow: none; }
  .hero { background: none; color: var(--ink); padding: 0 0 16px; border-bottom: 2px solid var(--ink); }
  .hero__eyebrow { color: var(--muted); }
  .hero h1 { font-size: 30px; }
  .section { padding: 14px 0; }
  .section h2 { color: var(--ink); break-after: avoid; page-break-after: avoid; }
  .grid, .rates, .studies { grid-template-columns: repeat(3, minmax(0, 1fr)); }
  .card, .rates > div, .study__rate { background: none; break-inside: avoid; page-break-inside: avoid; }
  .study__brand, .study__rate dd, .contact a { color: var(--ink); }
  /* Tighter than on screen, so a typical kit fits on one or two pages. */
  .hero h1 { font-size: 26px; }
  .hero__headline { margin-top: 4px; font-size: 14px; }
  .hero__stats { margin-top: 12px; gap: 24px; }
  .hero__stats dd { font-size: 20px; }
  .section { padding: 10px 0; }
  .section h2 { margin-bottom: 8px; }
  .bio { font-size: 12px; }
  .grid, .rates, .studies { gap: 10px; }
  .card { padding: 10px 12px; }
  .platform__numbers dd { font-size: 15px; }
  .study__title { font-size: 13px; }
  .study .metrics { margin: 8px 0; }
  .study__rate { padding: 4px 0; }
  .study__rate dd { font-size: 16px; }
  .contact a { font-size: 14px; }
}
`;
