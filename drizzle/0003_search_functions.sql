-- Full-text search that works for Chinese without extensions (so on PGlite, PostgreSQL 15 and managed
-- services alike): text is cut into runs of letters/digits (words) and runs of CJK characters, and a
-- CJK run is indexed as its single characters and overlapping pairs (bigrams), the way Lucene's CJK
-- analyzer does. Documents and queries go through the same functions, so they always agree.
--
-- Functions call each other schema-qualified: pg_restore and logical replication compute the
-- generated column with an empty search_path. Capitals are folded by translate() as well as lower(),
-- because lower() leaves non-ASCII letters alone in a database with the C locale (PGlite's).
CREATE FUNCTION public.gazette_search_runs(doc text) RETURNS TABLE (piece text, is_word boolean)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT m.parts[1], m.parts[1] ~ '^[0-9a-z\u00df-\u024f\u0370-\u03ff\u0400-\u04ff]'
  FROM regexp_matches(lower(translate(normalize(coalesce(doc, ''), NFKC),
      'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƂƄƇƋƎƑƘƠƢƤƧƬƯƳƵƸƼǄǇǊǍǏǑǓǕǗǙǛǞǠǢǤǦǨǪǬǮǱǴǶǷǸǺǼǾȀȂȄȆȈȊȌȎȐȒȔȖȘȚȜȞȠȢȤȦȨȪȬȮȰȲȻȽɁɃɆɈɊɌɎͰͲͶͿΆΈΉΊΌΎΏΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΪΫϏϘϚϜϞϠϢϤϦϨϪϬϮϴϷϹϺϽϾϿЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯѠѢѤѦѨѪѬѮѰѲѴѶѸѺѼѾҀҊҌҎҐҒҔҖҘҚҜҞҠҢҤҦҨҪҬҮҰҲҴҶҸҺҼҾӀӁӃӅӇӉӋӍӐӒӔӖӘӚӜӞӠӢӤӦӨӪӬӮӰӲӴӶӸӺӼӾ',
      'àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷÿźżžƃƅƈƌǝƒƙơƣƥƨƭưƴƶƹƽǆǉǌǎǐǒǔǖǘǚǜǟǡǣǥǧǩǫǭǯǳǵƕƿǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȝȟƞȣȥȧȩȫȭȯȱȳȼƚɂƀɇɉɋɍɏͱͳͷϳάέήίόύώαβγδεζηθικλμνξοπρστυφχψωϊϋϗϙϛϝϟϡϣϥϧϩϫϭϯθϸϲϻͻͼͽѐёђѓєѕіїјљњћќѝўџабвгдежзийклмнопрстуфхцчшщъыьэюяѡѣѥѧѩѫѭѯѱѳѵѷѹѻѽѿҁҋҍҏґғҕҗҙқҝҟҡңҥҧҩҫҭүұҳҵҷҹһҽҿӏӂӄӆӈӊӌӎӑӓӕӗәӛӝӟӡӣӥӧөӫӭӯӱӳӵӷӹӻӽӿ')),
    '[0-9a-z\u00df-\u024f\u0370-\u03ff\u0400-\u04ff]+|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+', 'g') AS m(parts)
$$;
--> statement-breakpoint
-- Words (at most 64 characters), CJK single characters and CJK bigrams.
CREATE FUNCTION public.gazette_search_tokens(doc text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(token), '{}')
  FROM public.gazette_search_runs(doc) r,
  LATERAL (
    SELECT left(r.piece, 64) AS token WHERE r.is_word
    UNION ALL
    SELECT substr(r.piece, i, 1) FROM generate_series(1, char_length(r.piece)) i WHERE NOT r.is_word
    UNION ALL
    SELECT substr(r.piece, i, 2) FROM generate_series(1, char_length(r.piece) - 1) i WHERE NOT r.is_word
  ) t
$$;
--> statement-breakpoint
-- One field as a tsvector with positions and a weight (array_to_tsvector has no positions, and
-- without positions a lexeme cannot carry a weight, so ts_rank could not prefer titles).
CREATE FUNCTION public.gazette_search_weighted(doc text, weight text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(quote_literal(token) || ':' || least(position, 16383) || weight, ' '), '')::tsvector
  FROM unnest(public.gazette_search_tokens(doc)) WITH ORDINALITY AS u(token, position)
$$;
--> statement-breakpoint
-- Title first (weight A), then subtitle and excerpt (B), then the body (D).
CREATE FUNCTION public.gazette_search_vector(title text, subtitle text, excerpt text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.gazette_search_weighted(title, 'A')
    || public.gazette_search_weighted(coalesce(subtitle, '') || ' ' || coalesce(excerpt, ''), 'B')
    || public.gazette_search_weighted(left(body, 100000), 'D')
$$;
--> statement-breakpoint
-- A reader's query: every word as a prefix, a lone CJK character as itself, a longer CJK run as all
-- of its bigrams, all ANDed (the first 32 terms). NULL when the query has nothing searchable.
CREATE FUNCTION public.gazette_search_query(q text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT string_agg(term, ' & ')::tsquery
  FROM (
    SELECT term
    FROM public.gazette_search_runs(left(q, 200)) r,
    LATERAL (
      SELECT quote_literal(left(r.piece, 64)) || ':*' AS term WHERE r.is_word
      UNION ALL
      SELECT quote_literal(r.piece) WHERE NOT r.is_word AND char_length(r.piece) = 1
      UNION ALL
      SELECT quote_literal(substr(r.piece, i, 2)) FROM generate_series(1, char_length(r.piece) - 1) i WHERE NOT r.is_word
    ) t
    LIMIT 32
  ) terms
$$;
