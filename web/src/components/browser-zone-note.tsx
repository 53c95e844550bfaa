/** "Dates will be shown in Europe/Berlin…": the zone a new account starts with, and where to change it. */
export function BrowserZoneNote({ timeZone, changeIn }: { timeZone: string; changeIn: string }) {
  return (
    <p className="muted small" data-testid="browser-zone-note">
      Dates will be shown in <strong>{timeZone.replace(/_/g, ' ')}</strong>, your browser’s time
      zone. You can change it later in {changeIn}.
    </p>
  );
}
