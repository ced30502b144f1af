// Popup entry: asks the worker for the tab's entities at once, then renders the app.
import { render } from 'preact';
import { App } from './App';
import { readPopupParams } from './target-tab';
import { beginExtraction } from './use-job';

const params = readPopupParams(location.search);
render(<App params={params} start={beginExtraction(params)} />, document.getElementById('app')!);
