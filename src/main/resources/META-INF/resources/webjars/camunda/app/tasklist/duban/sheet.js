// Loads duban/sheet-rules.js (window.dubanSheet: what the fill-in form works out as a person types) with Tasklist.
// The rules are a plain script so that SheetRulesTest runs them as they are, without a module loader.
import './sheet-rules.js';

export default [];
