/// The style sheet for what serving adds to a page: the findings' outlines and numbered markers, their panel and the
/// error overlay. Marks use an outline, a line style and a number, never colour alone. Served at
/// `/__signpost/preview.css`.
enum PreviewStyle {
    static let text = #"""
.sp-finding { background: none; color: inherit; outline: 2px dashed #8a1538; outline-offset: 2px; border-radius: 2px; }
.sp-finding.sp-level-warning, .sp-finding.sp-level-error { outline-style: solid; outline-width: 3px; }
.sp-finding:focus { outline: 4px solid #000; box-shadow: 0 0 0 7px #ffbf47; }
.sp-finding-picture { display: inline-block; }
.sp-marker { display: inline-block; min-width: 1.5em; margin-inline-end: 0.25em; padding: 0 0.3em; border-radius: 0.75em;
  background: #8a1538; color: #fff; font: bold 0.8rem/1.5 system-ui, sans-serif; text-align: center;
  vertical-align: super; text-decoration: none; }
.sp-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.sp-findings-off .sp-finding { outline: none; box-shadow: none; }
.sp-findings-off .sp-finding .sp-marker, .sp-findings-off .sp-findings-list { display: none; }
.sp-panel { position: fixed; inset-inline-end: 1rem; bottom: 1rem; z-index: 1000; width: min(26rem, calc(100vw - 2rem));
  max-height: 45vh; display: flex; flex-direction: column; background: #fff; color: #000; border: 3px solid #000;
  border-radius: 6px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.3); font: 1rem/1.4 system-ui, sans-serif; }
.sp-panel-folded { width: auto; max-width: calc(100vw - 2rem); }
.sp-panel-head { margin: 0; font-size: 1rem; }
.sp-fold { display: block; width: 100%; min-height: 44px; padding: 0.5rem 0.75rem; font: inherit; font-weight: bold;
  text-align: start; color: #000; background: #fff; border: 0; border-radius: 3px; cursor: pointer; }
.sp-fold::before { content: "\25BE\00a0" / ""; }
.sp-fold[aria-expanded="false"]::before { content: "\25B8\00a0" / ""; }
.sp-fold:focus { outline: 4px solid #000; outline-offset: -4px; box-shadow: inset 0 0 0 7px #ffbf47; }
.sp-panel-body { display: flex; flex-direction: column; gap: 0.25rem; min-height: 0; padding: 0.25rem 0.5rem 0.5rem;
  border-top: 2px solid #000; }
.sp-panel-body[hidden] { display: none; }
/* A phone, or a desktop zoomed to 400%: the panel is at the end of the page, never over it. */
@media (max-width: 40em), (max-height: 40em) {
  .sp-panel { position: static; width: auto; max-height: none; margin: 1rem; box-shadow: none; }
}
.sp-findings-list { margin: 0; padding: 0.25rem; list-style: none; overflow-y: auto; }
.sp-findings-list li { margin: 0.25rem 0; }
.sp-button, .sp-choice { font: inherit; color: #000; background: #fff; border: 2px solid #000; border-radius: 4px;
  min-height: 44px; padding: 0.25rem 0.6rem; cursor: pointer; }
.sp-button[aria-pressed="true"] { background: #000; color: #fff; }
.sp-choice { display: block; width: 100%; text-align: start; }
.sp-button:focus, .sp-choice:focus { outline: 4px solid #000; outline-offset: 2px; box-shadow: 0 0 0 7px #ffbf47; }
.sp-choice .sp-marker { vertical-align: baseline; }
.sp-rule { font-weight: bold; margin-inline-end: 0.25em; }
.sp-message, .sp-suggestion, .sp-where { display: block; }
.sp-where { font-style: italic; }
.sp-overlay { position: fixed; inset: 1rem; z-index: 1001; overflow: auto; padding: 1.5rem; background: #fff;
  color: #000; border: 4px solid #8a1538; border-radius: 6px; box-shadow: 0 8px 32px rgba(0, 0, 0, 0.4);
  font: 1.05rem/1.5 system-ui, sans-serif; }
.sp-overlay h2 { margin-top: 0; color: #8a1538; }
.sp-error-list { padding-inline-start: 1.5rem; }
.sp-error-list li { margin-bottom: 0.75rem; }
.sp-error-text { white-space: pre-wrap; word-break: break-word; font-family: ui-monospace, monospace; }
/* Forced colours (Windows High Contrast, light or dark): marks, markers, focus and chosen states in system colours,
   which the user's theme keeps apart, rather than colours that the browser would replace. */
@media (forced-colors: active) {
  .sp-finding { forced-color-adjust: none; background: Mark; color: MarkText; outline-color: CanvasText; }
  .sp-finding * { forced-color-adjust: none; color: MarkText; }
  .sp-finding:focus { outline-color: Highlight; box-shadow: none; }
  .sp-marker, .sp-finding .sp-marker { forced-color-adjust: none; background: CanvasText; color: Canvas;
    border: 1px solid CanvasText; }
  .sp-button[aria-pressed="true"] { forced-color-adjust: none; background: Highlight; color: HighlightText;
    border-color: HighlightText; }
  .sp-button:focus, .sp-choice:focus, .sp-fold:focus { outline-color: Highlight; box-shadow: none; }
}
@media print { .sp-panel, .sp-overlay, .sp-marker { display: none; } .sp-finding { outline: none; } }
"""#
}
