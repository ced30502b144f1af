// Collection page entry.
import { render } from 'preact';
import { CollectionPage } from './CollectionPage';

render(<CollectionPage />, document.getElementById('app')!);
