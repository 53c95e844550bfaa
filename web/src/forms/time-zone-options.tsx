/** The `<option>`s of a time-zone select: each IANA zone, underscores read as spaces. */
export function TimeZoneOptions({ zones }: { zones: readonly string[] }) {
  return zones.map((zone) => (
    <option key={zone} value={zone}>
      {zone.replace(/_/g, ' ')}
    </option>
  ));
}
