/** Renders parsed Markdown tokens as Preact elements; text always goes in as text nodes. */
import type { ComponentChildren } from 'preact';
import { parseMarkdown, type Inline } from '@kefu/shared/client';

function inline(nodes: Inline[]): ComponentChildren {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'break':
        return <br />;
      case 'bold':
        return <strong>{inline(node.children)}</strong>;
      case 'link':
        return (
          <a href={node.href} target="_blank" rel="noopener noreferrer">
            {inline(node.children)}
          </a>
        );
    }
  });
}

/** A bot answer in the safe Markdown subset. */
export function MarkdownView({ text }: { text: string }) {
  return (
    <>
      {parseMarkdown(text).map((block) =>
        block.type === 'paragraph' ? (
          <p>{inline(block.children)}</p>
        ) : (
          <ul>
            {block.items.map((item) => (
              <li>{inline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}
