export interface PanelTab<T extends string> {
  id: T;
  label: string;
  /** A small count after the label: questions asked, unread messages. */
  count?: number;
  countLabel?: string;
}

/** The tab row of the side panel (ARIA tabs: each tab controls the panel `panel-<id>`). */
export function PanelTabs<T extends string>({ tabs, current, onSelect, label }: { tabs: PanelTab<T>[]; current: T; onSelect: (id: T) => void; label: string }) {
  return (
    <div className="tabs tabs--panel" role="tablist" aria-label={label}>
      {tabs.map(({ id, label: text, count, countLabel }) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`panel-tab-${id}`}
          aria-selected={current === id}
          aria-controls={`panel-${id}`}
          className="tabs__tab"
          data-testid={`panel-tab-${id}`}
          onClick={() => onSelect(id)}
        >
          {text}
          {count !== undefined && count > 0 && (
            <span className="tabs__count" data-testid={`panel-tab-${id}-count`}>
              {count}
              {countLabel && <span className="visually-hidden"> {countLabel}</span>}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
