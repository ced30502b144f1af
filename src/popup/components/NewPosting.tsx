// The side panel or a detached window on a page it has not read yet: one click extracts it. With
// "Extract automatically" on and a model configured, the first time asks whether page text may go
// to the model server.
export function NewPosting({
  consent,
  onExtract,
  onAgree,
}: {
  consent?: boolean;
  onExtract: () => void;
  onAgree: () => void;
}) {
  if (consent) {
    return (
      <section class="state-info" data-testid="auto-extract-consent">
        <p>Extract automatically sends the text of each job page you open to your model server. Allow it?</p>
        <div class="row">
          <button
            type="button"
            class="button primary"
            data-testid="auto-extract-allow"
            data-autofocus
            onClick={onAgree}
          >
            Allow and extract
          </button>
          <button type="button" class="button" data-testid="extract" onClick={onExtract}>
            Extract this page only
          </button>
        </div>
      </section>
    );
  }
  return (
    <section class="state-info" data-testid="new-posting">
      <p>New posting — not read yet.</p>
      <button type="button" class="button primary" data-testid="extract" data-autofocus onClick={onExtract}>
        Extract
      </button>
    </section>
  );
}
