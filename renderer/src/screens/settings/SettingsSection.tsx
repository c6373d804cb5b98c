import type { ReactNode } from 'react';

/** One card of the settings screen: its title and what it is for, beside its controls. */
export function SettingsSection({ id, title, text, children }: { id: string; title: string; text: string; children: ReactNode }) {
  return (
    <section className="card settings-section" aria-labelledby={id}>
      <div className="settings-section-intro">
        <h2 id={id} className="card-title">
          {title}
        </h2>
        <p className="settings-section-text">{text}</p>
      </div>
      <div className="settings-section-control">{children}</div>
    </section>
  );
}
