// Years of experience: a number field that a refused Save marks invalid and describes.
export function YearsField({
  text,
  error,
  onInput,
}: {
  text: string;
  error?: string;
  onInput: (text: string) => void;
}) {
  return (
    <div class="field">
      <label for="years">Years of experience</label>
      <input
        id="years"
        type="number"
        min={0}
        max={80}
        step={0.5}
        data-testid="profile-years"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'years-error' : undefined}
        value={text}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {error && (
        <p class="field-error" id="years-error" data-testid="profile-years-error">
          {error}
        </p>
      )}
    </div>
  );
}
