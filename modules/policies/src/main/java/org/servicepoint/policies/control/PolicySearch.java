package org.servicepoint.policies.control;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Full-text search over the current version of each policy (title, reason and text), with PostgreSQL's text search
 * in the library system's language: {@code websearch_to_tsquery} (words, "quoted phrases", -not, or), ranked by
 * {@code ts_rank} scaled to 0..1 (title weighs most, then reason, then text), each hit with a plain-text snippet
 * ({@code ts_headline} without markup) around the matched words. The generated column and its GIN index are in V1.
 */
public final class PolicySearch {

    /** At most this many characters of words are searched for. */
    public static final int MAX_WORDS = 200;

    private static final String HEADLINE = "StartSel=\"\", StopSel=\"\", MaxWords=28, MinWords=10, ShortWord=2, "
            + "MaxFragments=2, FragmentDelimiter=\" … \"";

    private PolicySearch() {
    }

    /** One policy that matched: its key, how well (0..1) and a passage around the words. */
    public record Hit(String key, double rank, String snippet) {
    }

    /**
     * Up to {@code limit} policies matching {@code words}, best first, on an entity manager bound to the tenant;
     * {@code language} is the text-search configuration (english or spanish), {@code category} null for all.
     */
    public static List<Hit> find(EntityManager db, String language, String words, String category, int limit) {
        String config = "spanish".equals(language) ? "spanish" : "english";
        // The configuration is a constant of the query, not a parameter, so the planner can use the GIN index.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = db.createNativeQuery("select p.policy_key, ts_rank(v.search, q, 32), "
                        + "ts_headline('" + config + "'::regconfig, v.reason || E'\\n' || v.body, q, '" + HEADLINE.replace("'", "''") + "') "
                        + "from policy p join policy_version v on v.tenant_id = p.tenant_id and v.policy_id = p.id "
                        + "and v.version = p.current_version, websearch_to_tsquery('" + config + "'::regconfig, ?1) q "
                        + "where v.search @@ q and (cast(?2 as varchar) is null or p.category = ?2) "
                        + "order by 2 desc, p.policy_key limit ?3")
                .setParameter(1, words)
                .setParameter(2, category)
                .setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new Hit((String) r[0], ((Number) r[1]).doubleValue(), oneLine((String) r[2]))).toList();
    }

    private static String oneLine(String snippet) {
        return snippet == null ? "" : snippet.replaceAll("\\s+", " ").strip();
    }
}
