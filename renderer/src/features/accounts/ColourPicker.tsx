import { usePopover } from '../../lib/usePopover';

/** Named colours first: red is kept for production and green for test, so neither is mistaken. */
const SWATCHES: readonly { colour: string; label: string }[] = [
  { colour: '#c62828', label: 'Production (red)' },
  { colour: '#2e7d32', label: 'Test (green)' },
  { colour: '#ef6c00', label: 'Orange' },
  { colour: '#1565c0', label: 'Blue' },
  { colour: '#283593', label: 'Indigo' },
  { colour: '#6a1b9a', label: 'Purple' },
  { colour: '#ad1457', label: 'Pink' },
  { colour: '#00838f', label: 'Teal' },
  { colour: '#558b2f', label: 'Olive' },
  { colour: '#4e342e', label: 'Brown' },
];

/** The colour chip of an account; a click offers the swatches and a custom colour. */
export function ColourPicker({
  colour,
  accountName,
  onChange,
}: {
  colour: string;
  accountName: string;
  onChange: (colour: string) => void;
}) {
  const { ref, isOpen, setOpen } = usePopover<HTMLDivElement>();
  const pick = (next: string) => {
    setOpen(false);
    if (next.toLowerCase() !== colour.toLowerCase()) onChange(next.toLowerCase());
  };
  return (
    <div className="colour-picker" ref={ref}>
      <button
        type="button"
        className="colour-chip-button"
        style={{ background: colour }}
        aria-label={`Colour of ${accountName}: ${colour}. Change`}
        title="Colour that labels this account everywhere"
        aria-expanded={isOpen}
        onClick={() => setOpen((o) => !o)}
        data-testid="account-colour"
        data-colour={colour}
      />
      {isOpen && (
        <div className="colour-popover" role="dialog" aria-label={`Colour of ${accountName}`}>
          <div className="colour-swatches">
            {SWATCHES.map((s) => (
              <button
                key={s.colour}
                type="button"
                className={s.colour === colour.toLowerCase() ? 'colour-swatch selected' : 'colour-swatch'}
                style={{ background: s.colour }}
                title={s.label}
                aria-label={s.label}
                onClick={() => pick(s.colour)}
                data-testid="colour-swatch"
                data-colour={s.colour}
              />
            ))}
          </div>
          <label className="colour-custom">
            Other
            <input type="color" value={colour} onChange={(e) => pick(e.target.value)} />
          </label>
        </div>
      )}
    </div>
  );
}
