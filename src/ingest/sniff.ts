/** Which reader to use for text whose format was not given. Wire copy is told apart before this (see looksLikeWire). */
export function sniffFormat(text: string): 'html' | 'markdown' | 'text' {
  const head = text.slice(0, 4096);
  if (/^\s*<(!doctype html|html|head|body|\?xml)/i.test(head) || /<(html|body)[\s>]/i.test(head)) return 'html';
  const blockTags =
    head.match(/<\/?(p|div|h[1-6]|article|section|ul|ol|li|br|table|span|a)(\s[^>]*)?\/?>/gi)?.length ?? 0;
  if (blockTags >= 2 || /^\s*<(p|div|article|h[1-6])[\s>]/i.test(head)) return 'html';
  if (
    /^#{1,6}[ \t]+\S/m.test(text) ||
    /(^|[^\w*])\*\*[^\s*][^*\n]*?[^\s*]\*\*(?![\w*])/m.test(text) ||
    /!?\[[^\]\n]+\]\([^)\s]+\)/.test(text) ||
    /^\S[^\n]*\n(={2,}|-{2,})[ \t]*$/m.test(text)
  )
    return 'markdown';
  return 'text';
}
