// The corpus report's webview script: routes clicks to the extension (open a quote, save, copy a
// table), lists a speaker's quotes when their bar is chosen, filters voices, and keeps what the
// person did (filter, open speakers, scroll) with getState/setState so a hidden panel comes back as
// it was. Event delegation on the document: the body is replaced whenever the data changes.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  /** @type {{ filter: string, open: string[], scroll: number, scope: string }} */
  const state = Object.assign({ filter: '', open: [], scroll: 0, scope: '' }, vscode.getState() || {});
  const save = () => vscode.setState(state);
  // The folder the report covers, kept so VS Code can restore the panel after a reload.
  state.scope = document.body.getAttribute('data-scope') || '';
  save();

  // A name as the report folds the names it lists (src/core/corpus/words.ts `fold`): lower case,
  // without accents or invisible characters, special letters read as plain ones.
  const SPECIAL_LETTERS = { ı: 'i', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ħ: 'h' };
  /** @param {string} text */
  function foldName(text) {
    return text
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[ıłøßæœđðþħ]/g, (c) => SPECIAL_LETTERS[/** @type {keyof typeof SPECIAL_LETTERS} */ (c)] || c)
      .replace(/[’‘ʼ`´]/g, "'");
  }

  function filterVoices() {
    const words = foldName(state.filter.trim());
    for (const item of document.querySelectorAll('details.voice')) {
      const name = item.getAttribute('data-name') || '';
      item.classList.toggle('hidden', words !== '' && !name.includes(words));
    }
  }

  function restore() {
    const input = /** @type {HTMLInputElement | null} */ (document.getElementById('voice-filter'));
    if (input) input.value = state.filter;
    filterVoices();
    for (const item of document.querySelectorAll('details.voice')) {
      /** @type {HTMLDetailsElement} */ (item).open = state.open.includes(item.id);
    }
    window.scrollTo(0, state.scroll);
  }

  function showVoice(index) {
    const item = /** @type {HTMLDetailsElement | null} */ (document.getElementById(`voice-${index}`));
    if (!item) return;
    item.classList.remove('hidden');
    item.open = true;
    for (const row of document.querySelectorAll('.row.selected')) row.classList.remove('selected');
    document.querySelector(`.row[data-voice="${index}"]`)?.classList.add('selected');
    item.scrollIntoView({ block: 'start' });
    const first = item.querySelector('button.place');
    if (first instanceof HTMLElement) first.focus({ preventScroll: true });
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const voice = target?.closest('[data-voice]');
    if (voice) {
      event.preventDefault();
      showVoice(voice.getAttribute('data-voice'));
      return;
    }
    const place = target?.closest('button.place');
    if (place) {
      const start = Number(place.getAttribute('data-start'));
      const end = Number(place.getAttribute('data-end'));
      vscode.postMessage({ type: 'open', path: place.getAttribute('data-path') || '', start, end });
      return;
    }
    const copy = target?.closest('button.copy-csv');
    if (copy) {
      vscode.postMessage({ type: 'copyCsv', table: copy.getAttribute('data-table') || '' });
      return;
    }
    if (target?.closest('#save-html')) vscode.postMessage({ type: 'saveHtml' });
  });

  // SVG links follow Enter by themselves; Space should too, as on a button.
  document.addEventListener('keydown', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const voice = target?.closest('[data-voice]');
    if (voice && event.key === ' ') {
      event.preventDefault();
      showVoice(voice.getAttribute('data-voice'));
    }
  });

  document.addEventListener('input', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.id === 'voice-filter') {
      state.filter = event.target.value;
      filterVoices();
      save();
    }
  });

  // `toggle` does not bubble: listen while it goes down.
  document.addEventListener(
    'toggle',
    (event) => {
      const item = event.target;
      if (!(item instanceof HTMLDetailsElement) || !item.classList.contains('voice')) return;
      state.open = state.open.filter((id) => id !== item.id);
      if (item.open) state.open.push(item.id);
      save();
    },
    true,
  );

  let scrollTimer = 0;
  window.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      state.scroll = window.scrollY;
      save();
    }, 200);
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'render' && typeof message.html === 'string') {
      document.body.innerHTML = message.html;
      restore();
    }
  });

  restore();
})();
