/**
 * The desk's one search box, keyboard first: type, the results follow after a short pause; arrow keys move through
 * them (the box keeps the focus, the active result is announced: the WAI-ARIA combobox with a list box); Enter opens
 * the active result, or the first one. A click opens one too. Escape empties the box.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { usePage } from '../../shared/page';
import { useLastAnswer, useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';
import { kindLabel } from '../standards/standards';
import { findTopics, nextActive, SEARCH_MAX, SEARCH_PAUSE_MS, type DeskTopic } from './desk';

export function DeskSearch(props: { onOpen: (topic: DeskTopic) => void; focusSignal: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = usePage();
  const ids = useId();
  const box = useRef<HTMLInputElement>(null);
  const [words, setWords] = useState('');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);

  // The box has the keyboard when the screen opens, and again whenever the screen asks (a new search).
  useEffect(() => {
    box.current?.focus();
  }, [props.focusSignal]);

  useEffect(() => {
    const trimmed = words.trim();
    const timer = setTimeout(() => setQuery(trimmed), trimmed ? SEARCH_PAUSE_MS : 0);
    return () => clearTimeout(timer);
  }, [words]);

  const topics = useLoad((signal) => findTopics(session, query, signal), `topics:${query}`, {
    title: 'desk.problem.topics',
    wait: query === '',
  });
  const shown = useLastAnswer(topics);
  const results = query ? (shown ?? []) : [];
  useEffect(() => setActive(-1), [shown, query]);

  const listId = `${ids}-results`;
  const optionId = (index: number) => `${ids}-topic-${index}`;
  const expanded = results.length > 0;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moved = nextActive(event.key, active, results.length);
    if (moved !== undefined) {
      event.preventDefault();
      setActive(moved);
      document.getElementById(optionId(moved))?.scrollIntoView?.({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = results[active] ?? results[0];
      if (chosen) {
        props.onOpen(chosen);
      }
    } else if (event.key === 'Escape' && words) {
      event.preventDefault();
      setWords('');
    }
  };

  return (
    <div className="desk-search">
      <form role="search" onSubmit={(event) => event.preventDefault()} aria-label={t('desk.searchLabel')}>
        <label htmlFor={`${ids}-box`} className="desk-label">
          {t('desk.searchLabel')}
        </label>
        <input
          ref={box}
          id={`${ids}-box`}
          className="desk-box"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={expanded ? listId : undefined}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${ids}-hint`}
          autoComplete="off"
          spellCheck={false}
          maxLength={SEARCH_MAX}
          value={words}
          onChange={(event) => setWords(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <p id={`${ids}-hint`} className="hint">
          {t('desk.searchHint')}
        </p>
      </form>
      <p className="visually-hidden" role="status" aria-live="polite">
        {query && shown ? (results.length ? t('desk.found', { count: results.length }) : t('desk.nothingFound')) : ''}
      </p>
      {topics.problem && <ProblemNotice problem={topics.problem} />}
      {query && shown && results.length === 0 && <p className="desk-nothing">{t('desk.nothingFound')}</p>}
      {expanded && (
        <ul id={listId} role="listbox" aria-label={t('desk.results')} className="desk-results" aria-busy={topics.loading}>
          {results.map((topic, index) => (
            // The list box is driven from the search box; a click on a result opens it as Enter would.
            <li
              key={`${topic.kind}:${topic.id}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'desk-topic active' : 'desk-topic'}
              onClick={() => props.onOpen(topic)}
              onMouseMove={() => setActive(index)}
            >
              <span className="topic-title">{topic.title}</span> <span className="badge topic-kind">{kindLabel(topic.kind, i18n)}</span>
              {topic.snippet && <span className="topic-snippet">{topic.snippet}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
