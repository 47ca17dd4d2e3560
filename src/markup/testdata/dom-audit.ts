/**
 * The DOM audit run inside Chromium, as source text (the project's types do
 * not include the DOM). It returns a list of findings: forbidden or unknown
 * elements, `on*` attributes, URL attributes with a refused scheme, styles
 * with `url(` or `expression(`.
 */
export function domAuditSource(allowedTags: readonly string[]): string {
  return `(() => {
    const allowed = new Set(${JSON.stringify(allowedTags)});
    const schemes = new Set(['http:', 'https:', 'mailto:', 'tel:', 'ftp:']);
    const urlAttributes = ['href', 'src', 'cite', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc'];
    const findings = [];
    for (const section of document.querySelectorAll('section[data-case]')) {
      const id = section.getAttribute('data-case');
      for (const element of section.querySelectorAll('*')) {
        const name = element.localName;
        if (!allowed.has(name)) findings.push(id + ': element <' + name + '>');
        for (const attribute of element.attributes) {
          const attr = attribute.name.toLowerCase();
          if (attr.startsWith('on')) findings.push(id + ': ' + name + ' ' + attr);
          if (urlAttributes.includes(attr)) {
            if (attr === 'srcdoc' || attr === 'data' || attr === 'action' || attr === 'formaction') findings.push(id + ': ' + name + ' ' + attr);
            else {
              let protocol = 'https:';
              try {
                protocol = new URL(attribute.value, 'https://relais.test/').protocol;
              } catch {
                const scheme = /^[\\x00-\\x20]*([a-z][a-z0-9+.-]*):/i.exec(attribute.value.replace(/[\\t\\n\\r]/g, ''));
                if (scheme) protocol = scheme[1].toLowerCase() + ':';
              }
              if (!schemes.has(protocol)) findings.push(id + ': ' + name + ' ' + attr + '=' + attribute.value);
            }
          }
          if (attr === 'style' && /url\\s*\\(|expression\\s*\\(/i.test(attribute.value)) findings.push(id + ': style ' + attribute.value);
        }
      }
    }
    return findings;
  })()`;
}
