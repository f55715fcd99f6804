// A rating scale as an ARIA radio group: one tab stop, arrow keys (mirrored in right-to-left), Home/End.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

export interface ScaleItem {
  value: number;
  content: ComponentChildren;
  label: string;
}

interface ScaleProps {
  items: ScaleItem[];
  label: string;
  icons?: boolean;
  onSelect(value: number): void;
}

export function Scale({ items, label, icons, onSelect }: ScaleProps) {
  const [focus, setFocus] = useState(0);
  const group = useRef<HTMLDivElement>(null);

  function move(to: number) {
    const i = Math.max(0, Math.min(items.length - 1, to));
    setFocus(i);
    group.current?.querySelectorAll('button')[i]?.focus();
  }

  function onKeyDown(e: KeyboardEvent) {
    const rtl = group.current?.closest('[dir]')?.getAttribute('dir') === 'rtl';
    // From the focused button, not from state: keys can arrive faster than re-renders.
    const current = [...(group.current?.querySelectorAll('button') ?? [])].indexOf(e.target as HTMLButtonElement);
    const from = current < 0 ? focus : current;
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (step) move(from + step);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else return;
    e.preventDefault();
  }

  return (
    <div class={`hf-scale${icons ? ' hf-icons' : ''}`} role="radiogroup" aria-label={label} ref={group} onKeyDown={onKeyDown}>
      {items.map((item, i) => (
        <button type="button" role="radio" aria-checked="false" aria-label={item.label} tabIndex={i === focus ? 0 : -1} key={item.value} onClick={() => onSelect(item.value)}>
          {item.content}
        </button>
      ))}
    </div>
  );
}
