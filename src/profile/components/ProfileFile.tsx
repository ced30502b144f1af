// Export the profile as a JSON file, import one back (validated by the core's parseProfile: a bad
// file is reported and changes nothing; see readProfileFile in actions.ts).
import { exportProfile, type Profile } from '../../core/match';
import { downloadText } from '../../shared/download-file';
import { FileButton } from '../../shared/FileButton';
import { readProfileFile } from '../actions';

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
        <FileButton
          label="Import JSON…"
          accept=".json,application/json"
          testId="profile-import"
          onFile={async (file) => {
            const got = await readProfileFile(file);
            if (got.ok) onImport(got.profile);
            else onError(got.error);
          }}
        />
      </div>
    </section>
  );
}
