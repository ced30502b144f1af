// Save, Delete profile (once one is stored) and where the profile stands.
export function SaveBar({
  saved,
  dirty,
  onSave,
  onDelete,
}: {
  saved: boolean;
  dirty: boolean;
  onSave: () => void;
  onDelete: () => void;
}) {
  return (
    <div class="row buttons">
      <button type="button" class="button primary" data-testid="profile-save" onClick={onSave}>
        Save
      </button>
      {saved && (
        <button type="button" class="button" data-testid="profile-delete" onClick={onDelete}>
          Delete profile
        </button>
      )}
      <span class="status" data-testid="profile-state">
        {dirty ? 'Unsaved changes' : saved ? 'Saved' : 'No profile saved yet'}
      </span>
    </div>
  );
}
