// Export the profile as a JSON file, import one back (validated by the core's parseProfile: a bad
// file is reported and changes nothing).
import { exportProfile, parseProfile, type Profile } from '../../core/match';
import { downloadText } from '../../shared/download-file';

export const PROFILE_FILE_NAME = 'job-entities-profile.json';

export function ProfileFile({
  profile,
  onImport,
  onError,
}: {
  profile: Profile;
  onImport: (p: Profile) => void;
  onError: (message: string) => void;
}) {
  const read = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again fires another change.
    input.value = '';
    if (!file) return;
    if (file.size > 2_000_000)
      return onError(`"${file.name}" is too large for a profile (over 2 MB). Nothing was changed.`);
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      return onError(
        `"${file.name}" could not be read (${err instanceof Error ? err.message : String(err)}). Nothing was changed.`,
      );
    }
    const parsed = parseProfile(text);
    if (parsed.ok) onImport(parsed.profile);
    else onError(`"${file.name}": ${parsed.error}`);
  };
  return (
    <section class="file" aria-labelledby="file-label">
      <h2 id="file-label">Profile file</h2>
      <p class="field-hint">
        Keep a copy, or move the profile to another browser or to the command line (`job-entities match --profile
        FILE`).
      </p>
      <div class="row">
        <button
          type="button"
          class="button"
          data-testid="profile-export"
          onClick={() => downloadText(exportProfile(profile), PROFILE_FILE_NAME, 'application/json')}
        >
          Export JSON
        </button>
        <label class="button file-button">
          Import JSON…
          <input
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            data-testid="profile-import"
            onChange={(e) => void read(e.currentTarget)}
          />
        </label>
      </div>
    </section>
  );
}
