// A button that opens the file chooser and hands over the chosen file. The input is cleared on
// every choice so that choosing the same file again (after fixing it, say) fires again.
export function FileButton({
  label,
  accept,
  testId,
  onFile,
}: {
  label: string;
  accept: string;
  testId: string;
  onFile: (file: File) => Promise<void> | void;
}) {
  const read = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (file) await onFile(file);
  };
  return (
    <label class="button file-button">
      {label}
      <input
        type="file"
        accept={accept}
        class="visually-hidden"
        data-testid={testId}
        onChange={(e) => void read(e.currentTarget)}
      />
    </label>
  );
}
