import type { ReactNode } from 'react';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Plain text with the given phrases wrapped in <mark>. Text is rendered by React as text (never as HTML), so
 * imported content cannot inject markup.
 */
export function HighlightedText({ text, phrases }: { text: string; phrases: string[] }): ReactNode {
  const unique = [...new Set(phrases.filter((p) => p.trim().length > 1))]
    .sort((a, b) => b.length - a.length)
    .slice(0, 200);
  if (unique.length === 0) return text;
  const re = new RegExp(`(${unique.map(escapeRegExp).join('|')})`, 'gi');
  const parts = text.split(re);
  return parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
}
