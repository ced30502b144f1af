// Profile page entry: renders the editor; the editor loads the saved profile when it mounts.
import { render } from 'preact';
import { ProfilePage } from './ProfilePage';

render(<ProfilePage />, document.getElementById('app')!);
