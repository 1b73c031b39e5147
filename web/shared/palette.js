/*
 * The six relations and their colours, one scale for the report (web/report/) and the web app of
 * `entente serve` (web/app/): both are compiled into the binary with this file, so a relation looks
 * the same wherever it is drawn.
 */
window.ENTENTE_PALETTE = Object.freeze({
  relations: Object.freeze(['alliance', 'entente', 'aligned', 'neutral', 'rival', 'hostile']),
  relationColors: Object.freeze(['#1f5fa8', '#5b95cf', '#a9cce8', '#b9b9b9', '#ec8a68', '#b2182b']),
  focusColor: '#5b3f8c'
});
