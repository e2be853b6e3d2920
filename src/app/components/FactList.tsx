/** Facts as label–value pairs in a description list, as the dwelling page and the dwelling report show them. */

/** One `<dl>` row per fact, in the order given; `class` sets the look of the place it is shown in. */
export function FactList({ facts, class: className }: { facts: readonly (readonly [string, string])[]; class: string }) {
  return (
    <dl class={className}>
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
