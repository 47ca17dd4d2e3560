/**
 * Hostile inputs for the Chromium suite: payloads (each would set
 * `window.__pwned` or open a dialog if it ran) placed in every shortcut
 * context. 78 payloads × 8 contexts = 624 cases.
 */
const RUN = 'window.__pwned=1';

const PAYLOADS: readonly string[] = [
  // Script tags in every spelling.
  `<script>${RUN}</script>`,
  `<SCRIPT>${RUN}</SCRIPT>`,
  `<ScRiPt>alert(1)</sCrIpT>`,
  `<script src="data:,${RUN}"></script>`,
  `<scr<script>ipt>${RUN}</script>`,
  `<script/x>${RUN}</script>`,
  `<script\n>${RUN}</script\n>`,
  `<<script>script>${RUN}<</script>/script>`,
  `</script><script>${RUN}</script>`,
  `<script>${RUN}`,
  `<script type="module">${RUN}</script>`,
  // Event handlers.
  `<img src=x onerror=${RUN}>`,
  `<img src="x" onerror="${RUN}">`,
  `<IMG SRC=x ONERROR=${RUN}>`,
  `<img src=x onerror\n=${RUN}>`,
  `<svg onload=${RUN}>`,
  `<body onload=${RUN}>`,
  `<div onmouseover="${RUN}">x</div>`,
  `<b onclick=${RUN}>x</b>`,
  `<a href="#" onfocus=${RUN} autofocus>x</a>`,
  `<details open ontoggle=${RUN}>`,
  `<input autofocus onfocus=${RUN}>`,
  `<video><source onerror=${RUN}></video>`,
  `<p/onclick=${RUN}>x</p>`,
  `<span title="x" onmouseover=${RUN}>x</span>`,
  `<i title='a' ONERROR='${RUN}'>x</i>`,
  `<div title="a" "onmouseover=${RUN}">x</div>`,
  // javascript:, data:, vbscript: in every disguise.
  `[x->javascript:${RUN}]`,
  `[x->JaVaScRiPt:${RUN}]`,
  `[x-> javascript:${RUN}]`,
  `[x->java\tscript:${RUN}]`,
  `[x->java&#x09;script:${RUN}]`,
  `[x->&#106;avascript:${RUN}]`,
  `[x->&#0000106avascript:${RUN}]`,
  `[x->javascript&colon;${RUN}]`,
  `[x->data:text/html,<script>${RUN}</script>]`,
  `[x->vbscript:msgbox(1)]`,
  `[x->\u0001javascript:${RUN}]`,
  `[->javascript:${RUN}]`,
  `<a href="javascript:${RUN}">x</a>`,
  `<a href="  javascript:${RUN}">x</a>`,
  `<a href="jav&#x61;script:${RUN}">x</a>`,
  `<a href="jav\nascript:${RUN}">x</a>`,
  `<a href=javascript:${RUN}>x</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
  `<img src="javascript:${RUN}">`,
  `<q cite="javascript:${RUN}">x</q>`,
  // Attribute injection through link titles, URLs, glossary and anchors.
  `[x|" onmouseover="${RUN}->https://e.fr]`,
  `[x|a{en" onclick="${RUN}}->https://e.fr]`,
  `[x->https://e.fr" onmouseover="${RUN}]`,
  `[x->https://e.fr'><script>${RUN}</script>]`,
  `[?x" onmouseover="${RUN}]`,
  `[x" onclick="${RUN}<-]`,
  `https://e.fr/"onmouseover="${RUN}"`,
  `www.e.fr/'onmouseover='${RUN}'`,
  // SVG and MathML tricks.
  `<svg><script>${RUN}</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
  `<svg><a xlink:href="javascript:${RUN}"><text>x</text></a></svg>`,
  `<math href="javascript:${RUN}">x</math>`,
  // Forbidden elements.
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<iframe srcdoc="<script>${RUN}</script>"></iframe>`,
  `<object data="javascript:${RUN}"></object>`,
  `<embed src="javascript:${RUN}">`,
  `<form action="javascript:${RUN}"><button>x</button></form>`,
  `<base href="javascript:${RUN}//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<link rel="stylesheet" href="javascript:${RUN}">`,
  `<style>@import 'javascript:${RUN}';</style>`,
  `<template><script>${RUN}</script></template>`,
  `<div style="background:url(javascript:${RUN})">x</div>`,
  `<div style="width:expression(${RUN})">x</div>`,
  `<span style="background:u\\72l(javascript:${RUN})">x</span>`,
  // Unclosed, misnested and parser-confusing tags.
  `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`,
  `<!--<img src=x onerror=${RUN}>-->`,
  `<!-- --!><img src=x onerror=${RUN}> -->`,
  `<textarea><script>${RUN}</script></textarea>`,
  `<cadre></textarea><script>${RUN}</script></cadre>`,
  `<html><img src=x onerror=${RUN}><script>${RUN}</script></html>`,
];

const CONTEXTS: readonly ((payload: string) => string)[] = [
  (p) => p,
  (p) => `Texte {ital ${p}} et {{gras}} suite ?`,
  (p) => `[${p}->https://e.fr]`,
  (p) => `Texte[[Note ${p}]]`,
  (p) => `| a | ${p} |\n| {{b}} | c |`,
  (p) => `-* ${p}\n-** b`,
  (p) => `<quote>${p}</quote>`,
  (p) => `{{{${p}}}}\n\n<poesie>${p}</poesie>`,
];

/** Every hostile case: each payload in each context. */
export const hostileCases: readonly string[] = Object.freeze(CONTEXTS.flatMap((context) => PAYLOADS.map(context)));
