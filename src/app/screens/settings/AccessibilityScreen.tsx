/** The accessibility statement (docs/accessibility.md), shown in the app from Innstillinger: headings, paragraphs, lists and links. */
import type { ComponentChildren } from 'preact';
import statement from '../../../../docs/accessibility.md?raw';

/** Inline Markdown: **bold**, `code` and [links](https://…); anything else stays text. */
function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const pattern = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1]) out.push(<strong>{m[1]}</strong>);
    else if (m[2]) out.push(<code>{m[2]}</code>);
    else if (m[3] && m[4]) out.push(/^(https?:|mailto:)/.test(m[4]) ? <a class="ds-link" href={m[4]}>{m[3]}</a> : m[3]);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The blocks of the statement: headings, bullet lists, tables as plain rows, and paragraphs. */
function blocks(markdown: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const lines = markdown.split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      const level = Math.min(heading[1]!.length, 3);
      const Tag = `h${level}` as 'h1' | 'h2' | 'h3';
      out.push(<Tag class="ds-heading" data-size={level === 1 ? 'lg' : level === 2 ? 'sm' : 'xs'}>{inline(heading[2]!)}</Tag>);
      i++;
    } else if (/^\s*[-*]\s+/.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^\s*([-*]\s+|\s{2,}\S)/.test(lines[i]!)) {
        const l = lines[i]!;
        if (/^\s*[-*]\s+/.test(l)) items.push(l.replace(/^\s*[-*]\s+/, ''));
        else items[items.length - 1] += ` ${l.trim()}`;
        i++;
      }
      out.push(<ul class="ds-list">{items.map((item) => <li>{inline(item)}</li>)}</ul>);
    } else if (/^\|/.test(line)) {
      const rows: string[][] = [];
      while (i < lines.length && /^\|/.test(lines[i]!)) {
        const cells = lines[i]!.split('|').slice(1, -1).map((c) => c.trim());
        if (!cells.every((c) => /^:?-+:?$/.test(c))) rows.push(cells);
        i++;
      }
      const [head, ...body] = rows;
      out.push(
        <div class="a11y-table">
          <table class="ds-table" data-size="sm">
            <thead><tr>{head?.map((c) => <th scope="col">{inline(c)}</th>)}</tr></thead>
            <tbody>{body.map((r) => <tr>{r.map((c) => <td>{inline(c)}</td>)}</tr>)}</tbody>
          </table>
        </div>,
      );
    } else if (line.trim() === '') {
      i++;
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '' && !/^(#|\s*[-*]\s|\|)/.test(lines[i]!)) para.push(lines[i++]!.trim());
      out.push(<p class="ds-paragraph">{inline(para.join(' '))}</p>);
    }
  }
  return out;
}

/** The statement screen (`/settings/accessibility`), open to everyone signed in. */
export default function AccessibilityScreen() {
  return (
    <section class="screen a11y-statement" lang="nb">
      {blocks(statement)}
      <p><a class="ds-link" href="/settings">Tilbake til Innstillinger / Back to Settings</a></p>
    </section>
  );
}
