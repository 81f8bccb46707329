-- Search at scale (docs/decisions/0007-search-at-scale.md). A story now has two generated columns:
-- search_vector, every term of its title, subtitle, excerpt and body as a set (no positions, so
-- it is small and quick to build), for matching through the GIN index; and search_head, the title
-- (weight A) and subtitle (B) with positions, for ranking, small enough to stay in the row.
-- English words also index their Snowball stems, and a query word matches its prefix or its stem.
-- CJK text is cut as before (characters and bigrams).
-- Folds the capitals that lower() keeps in a database with the C locale (PGlite's); translate() is
-- slow (it scans its 355-character lists for every character), so only pieces that need it go through it.
CREATE FUNCTION public.gazette_search_fold(piece text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN piece ~ '[\u00c0-\u04ff]' THEN translate(piece,
    'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƂƄƇƋƎƑƘƠƢƤƧƬƯƳƵƸƼǄǇǊǍǏǑǓǕǗǙǛǞǠǢǤǦǨǪǬǮǱǴǶǷǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȠȢȤȦȨȪȬȮȰȲȻȽɁɃɆɈɊɌɎͰͲͶͿΆΈΉΊΌΎΏΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΪΫϏϘϚϜϞϠϢϤϦϨϪϬϮϴϷϹϺϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯѠѢѤѦѨѪѬѮѰѲѴѶѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁӃӅӇӉӋӍӐӒӔӖӘӚӜӞӠӢӤӦӨӪӬӮӰӲӴӶӸӺӼӾ',
    'àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷÿźżžƃƅƈƌǝƒƙơƣƥƨƭưƴƶƹƽǆǉǌǎǐǒǔǖǘǚǜǟǡǣǥǧǩǫǭǯǳǵƕƿǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟƞȣȥȧȩȫȭȯȱȳȼƚɂƀɇɉɋɍɏͱͳͷϳάέήίόύώαβγδεζηθικλμνξοπρστυφχψωϊϋϗϙϛϝϟϡϣϥϧϩϫϭϯθϸϲϻͻͼͽѐёђѓєѕіїјљњћќѝўџабвгдежзийклмнопрстуфхцчшщъыьэюяѡѣѥѧѩѫѭѯѱѳѵѷѹѻѽѿҁҋҍҏґғҕҗҙқҝҟҡңҥҧҩҫҭүұҳҵҷҹһҽҿӏӂӄӆӈӊӌӎӑӓӕӗәӛӝӟӡӣӥӧөӫӭӯӱӳӵӷӹӻӽӿ') ELSE piece END
$$;
--> statement-breakpoint
-- Same pieces as 0003's function, with the folding moved after the cut: the word class also takes
-- the Latin-1 capitals (U+00C0-U+00DE but the multiplication sign) that used to be folded first.
CREATE OR REPLACE FUNCTION public.gazette_search_runs(doc text) RETURNS TABLE (piece text, is_word boolean)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.gazette_search_fold(m.parts[1]), m.parts[1] !~ '^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]'
  FROM regexp_matches(lower(normalize(coalesce(doc, ''), NFKC)), '[0-9a-z\u00c0-\u00d6\u00d8-\u024f\u0370-\u03ff\u0400-\u04ff]+|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+', 'g') AS m(parts)
$$;
--> statement-breakpoint
-- English stems (Snowball, PostgreSQL's english_stem) of a word of ASCII letters, when they differ
-- from the word: 'published' and 'publishing' give 'publish', 'cities' and 'city' give 'citi'.
-- Stop words give none.
CREATE FUNCTION public.gazette_search_stems(word text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN word ~ '^[a-z]+$' THEN array(
    SELECT s FROM unnest(ts_lexize('pg_catalog.english_stem'::pg_catalog.regdictionary, word)) s WHERE s <> word)
  ELSE '{}'::text[] END
$$;
--> statement-breakpoint
-- Words (at most 64 characters) each followed by its English stems, CJK single characters and CJK bigrams.
CREATE OR REPLACE FUNCTION public.gazette_search_tokens(doc text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(token), '{}')
  FROM public.gazette_search_runs(doc) r,
  LATERAL (
    SELECT w AS token FROM unnest(left(r.piece, 64) || public.gazette_search_stems(left(r.piece, 64))) w WHERE r.is_word
    UNION ALL
    SELECT substr(r.piece, i, 1) FROM generate_series(1, char_length(r.piece)) i WHERE NOT r.is_word
    UNION ALL
    SELECT substr(r.piece, i, 2) FROM generate_series(1, char_length(r.piece) - 1) i WHERE NOT r.is_word
  ) t
$$;
--> statement-breakpoint
-- The terms of gazette_search_tokens(doc) as a set, without positions, computed a faster way for
-- long texts (whole-text passes instead of a subquery per piece): the words, their English stems
-- (to_tsvector('english') over the plain a-z words gives what ts_lexize gives in
-- gazette_search_stems), the CJK characters, and the pairs of neighbours within a CJK run.
CREATE FUNCTION public.gazette_search_bag(doc text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH d AS (SELECT lower(normalize(coalesce(doc, ''), NFKC)) AS t),
  words AS (SELECT public.gazette_search_fold(left(m.parts[1], 64)) AS w FROM d, regexp_matches(d.t, '[0-9a-z\u00c0-\u00d6\u00d8-\u024f\u0370-\u03ff\u0400-\u04ff]+', 'g') AS m(parts)),
  cjk AS (SELECT string_to_array(regexp_replace(d.t, '[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+', ' ', 'g'), NULL) AS c FROM d)
  SELECT array_to_tsvector(
    array(SELECT w FROM words)
    || tsvector_to_array(to_tsvector('pg_catalog.english'::pg_catalog.regconfig,
         (SELECT coalesce(string_agg(w, ' '), '') FROM words WHERE w ~ '^[a-z]+$')))
    || (SELECT array_remove(c, ' ') FROM cjk)
    || array(SELECT a || b FROM cjk, unnest(c[1:cardinality(c) - 1], c[2:]) AS u(a, b) WHERE a <> ' ' AND b <> ' '))
$$;
--> statement-breakpoint
-- What a story matches on: every token of its title, subtitle, excerpt and body (up to 100,000
-- characters), without positions or weights (ranking reads search_head instead), so it is small and
-- quick to build.
CREATE FUNCTION public.gazette_search_document(title text, subtitle text, excerpt text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.gazette_search_bag(
    coalesce(title, '') || ' ' || coalesce(subtitle, '') || ' ' || coalesce(excerpt, '') || ' ' || left(coalesce(body, ''), 100000))
$$;
--> statement-breakpoint
-- What a story ranks on: its title (weight A) and subtitle (B), with positions; short enough to
-- stay in the row (an excerpt would double it).
CREATE FUNCTION public.gazette_search_head(title text, subtitle text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.gazette_search_weighted(title, 'A') || public.gazette_search_weighted(subtitle, 'B')
$$;
--> statement-breakpoint
-- A reader's query: every word as a prefix or one of its English stems, a lone CJK character as
-- itself, a longer CJK run as all of its bigrams, all ANDed (the first 32 terms). NULL when the
-- query has nothing searchable.
CREATE OR REPLACE FUNCTION public.gazette_search_query(q text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT string_agg(term, ' & ')::tsquery
  FROM (
    SELECT term
    FROM public.gazette_search_runs(left(q, 200)) r,
    LATERAL (
      SELECT '(' || quote_literal(left(r.piece, 64)) || ':*'
        || coalesce((SELECT string_agg(' | ' || quote_literal(s), '') FROM unnest(public.gazette_search_stems(left(r.piece, 64))) s), '')
        || ')' AS term WHERE r.is_word
      UNION ALL
      SELECT quote_literal(r.piece) WHERE NOT r.is_word AND char_length(r.piece) = 1
      UNION ALL
      SELECT quote_literal(substr(r.piece, i, 2)) FROM generate_series(1, char_length(r.piece) - 1) i WHERE NOT r.is_word
    ) t
    LIMIT 32
  ) terms
$$;--> statement-breakpoint
-- One statement, so the table is rewritten once (both columns computed in the same pass).
ALTER TABLE "articles" DROP COLUMN "search_vector",
  ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (gazette_search_document("articles"."title", "articles"."subtitle", "articles"."excerpt", "articles"."body_text")) STORED,
  ADD COLUMN "search_head" "tsvector" GENERATED ALWAYS AS (gazette_search_head("articles"."title", "articles"."subtitle")) STORED;--> statement-breakpoint
DROP FUNCTION public.gazette_search_vector(text, text, text, text);--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "articles_search_head_idx" ON "articles" USING gin ("search_head");
