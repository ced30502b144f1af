// The side panel: the popup's view for the active tab of its window, following tab switches and
// navigations. A plain extension page (no side-panel API inside), so other browsers' sidebars
// can load it too.
import { render } from 'preact';
import { App } from '../popup/App';
import { readPopupParams } from '../popup/target-tab';
import { beginExtraction } from '../popup/use-job';

const params = readPopupParams(location.search, true);
render(<App params={params} start={beginExtraction(params)} />, document.getElementById('app')!);
