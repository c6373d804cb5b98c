import type { ReactNode } from 'react';

/** A labelled list of facts (term / value), as in a company or mission card. */
export function Definitions({ items }: { items: { term: string; value: ReactNode; key?: string }[] }) {
  return (
    <dl className="definitions">
      {items.map((item) => (
        <div className="definition" key={item.key ?? item.term}>
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Card({ title, titleId, aside, children, className }: { title: string; titleId: string; aside?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`card${className ? ` ${className}` : ''}`} aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId} className="card-title">
          {title}
        </h2>
        {aside && <div className="card-aside">{aside}</div>}
      </header>
      {children}
    </section>
  );
}
