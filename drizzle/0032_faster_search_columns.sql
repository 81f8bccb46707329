-- The search columns, computed about a third faster (docs/decisions/0017-faster-search-columns.md):
-- the same vectors as 0006's definitions, checked row by row against a 100,000-story archive and
-- by tests/integration/search.test.ts against the tokenizer the queries use. Stored columns are
-- therefore not recomputed: what is in them already is what these functions give.
--
-- gazette_search_bag: one PL/pgSQL pass instead of CTEs, with the words cut by one regexp_replace
-- instead of a row per match, each distinct word stemmed once, NFKC skipped for text already in
-- that form, and folding only for text that has capitals lower() may keep.
CREATE OR REPLACE FUNCTION public.gazette_search_bag(doc text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  t text := coalesce(lower(CASE WHEN doc IS NFKC NORMALIZED THEN doc ELSE normalize(doc, NFKC) END), '');
  words text[];
  cjk text[];
BEGIN
  words := array(SELECT DISTINCT left(w, 64)
    FROM unnest(string_to_array(regexp_replace(t, '[^0-9a-z\u00c0-\u00d6\u00d8-\u024f\u0370-\u03ff\u0400-\u04ff]+', ' ', 'g'), ' ')) w
    WHERE w <> '');
  IF t ~ '[\u00c0-\u04ff]' THEN
    words := array(SELECT DISTINCT public.gazette_search_fold(w) FROM unnest(words) w);
  END IF;
  -- Every character on its own, the runs kept apart by spaces: the CJK characters and, below, their neighbour pairs.
  cjk := string_to_array(regexp_replace(t, '[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+', ' ', 'g'), NULL);
  RETURN array_to_tsvector(
    words
    || tsvector_to_array(pg_catalog.to_tsvector('pg_catalog.english'::pg_catalog.regconfig,
         array_to_string(array(SELECT w FROM unnest(words) w WHERE w ~ '^[a-z]+$'), ' ')))
    || array_remove(cjk, ' ')
    || array(SELECT a || b FROM unnest(cjk[1:cardinality(cjk) - 1], cjk[2:]) AS u(a, b) WHERE a <> ' ' AND b <> ' '));
END
$$;
--> statement-breakpoint
-- gazette_search_weighted (search_head's title and subtitle, with positions): one PL/pgSQL loop over
-- the pieces instead of nested SQL functions, twelve times faster. The tokens and their order are
-- gazette_search_tokens's: each word then its English stems; a CJK run's characters, then its pairs.
CREATE OR REPLACE FUNCTION public.gazette_search_weighted(doc text, weight text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  entries text[] := '{}';
  ordinal int := 0;
  piece text;
  word text;
  stem text;
  n int;
  i int;
BEGIN
  FOR piece IN
    SELECT m[1] FROM regexp_matches(lower(normalize(coalesce(doc, ''), NFKC)),
      '[0-9a-z\u00c0-\u00d6\u00d8-\u024f\u0370-\u03ff\u0400-\u04ff]+|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+', 'g') AS m
  LOOP
    IF piece !~ '^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]' THEN
      word := public.gazette_search_fold(left(piece, 64));
      ordinal := ordinal + 1;
      entries := entries || (quote_literal(word) || ':' || least(ordinal, 16383) || weight);
      IF word ~ '^[a-z]+$' THEN
        FOREACH stem IN ARRAY coalesce(ts_lexize('pg_catalog.english_stem'::pg_catalog.regdictionary, word), '{}') LOOP
          CONTINUE WHEN stem = word;
          ordinal := ordinal + 1;
          entries := entries || (quote_literal(stem) || ':' || least(ordinal, 16383) || weight);
        END LOOP;
      END IF;
    ELSE
      n := char_length(piece);
      FOR i IN 1..n LOOP
        ordinal := ordinal + 1;
        entries := entries || (quote_literal(substr(piece, i, 1)) || ':' || least(ordinal, 16383) || weight);
      END LOOP;
      FOR i IN 1..n - 1 LOOP
        ordinal := ordinal + 1;
        entries := entries || (quote_literal(substr(piece, i, 2)) || ':' || least(ordinal, 16383) || weight);
      END LOOP;
    END IF;
  END LOOP;
  RETURN array_to_string(entries, ' ')::tsvector;
END
$$;
