package org.kontor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kontor.api.PageParams;
import org.kontor.api.Paging;
import org.kontor.support.IntegrationTest;
import org.kontor.support.TestDatabase;
import org.kontor.user.PhoneNumbers;
import org.kontor.user.Role;
import org.kontor.user.SearchTerms;
import org.kontor.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark of the requester type-ahead (R2, issue 3), not part of {@code ./kontor test} (its name does not end in
 * Test): {@code bench/typeahead} runs it on PostgreSQL. It seeds {@code -Dkontor.bench.users} end users (default
 * 500,000) over 2,000 organizations with batched JDBC inserts — names from common first and last names, email
 * addresses at {@code acme-N.test} (every tenth at a subdomain), phones in mixed formats — with their search keys
 * computed by {@link SearchTerms}, the function the application uses. Then it times {@link UserService#typeahead}
 * with 8 results, the call behind {@code GET /agent/requesters}, for every keystroke of realistic queries (from the
 * second character on, as the page asks): 3 warm-up runs, then 20 timed. Target: p99 ≤ 50 ms per keystroke.
 */
class TypeaheadBenchmark extends IntegrationTest {
    private static final long BASE = 1_000_000_000L;
    private static final int ORGS = 2_000;
    private static final int RESULTS = 8;
    private static final int WARM_UP = 3;
    private static final int TIMED = 20;
    private static final String[] FIRST = {"Anna", "Ann", "Anne", "Annika", "Hannah", "Johanna", "Maria", "Marie", "Lena", "Laura",
        "Julia", "Sarah", "Lisa", "Katharina", "Sophie", "Emma", "Mia", "Lea", "Nina", "Eva", "Thomas", "Michael", "Andreas",
        "Stefan", "Christian", "Markus", "Daniel", "Jan", "Tobias", "Florian", "Lukas", "Jonas", "Felix", "Max", "Paul", "Peter",
        "Klaus", "Jürgen", "Uwe", "Sven", "Ali", "Mehmet", "Ayşe", "Fatma", "Olga", "Igor", "Pierre", "Giulia", "Carlos", "Ana"};
    private static final String[] LAST = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
        "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
        "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
        "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs",
        "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther",
        "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig",
        "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß",
        "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl",
        "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer", "Yılmaz", "Kaya"};
    private static final String[] ORG_FIRST = {"Acme", "Nordwind", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli",
        "Vandelay", "Soylent", "Tyrell", "Cyberdyne", "Aperture", "Wonka", "Oscorp", "Gringotts", "Monarch", "Dunder", "Massive",
        "Bluth", "Pied", "Sterling", "Prestige", "Virtucon", "Zorg", "Nakatomi", "Weyland", "Ollivander", "Krusty", "Duff",
        "Altmark", "Rheinland", "Elbtal", "Spreewald", "Isar", "Hanse", "Alpen", "Ostsee", "Harz", "Eifel"};
    private static final String[] ORG_SECOND = {"GmbH", "AG", "Logistik", "Research", "Systems", "Handel", "Bau", "Medien",
        "Versicherung", "Energie", "Software", "Consulting", "Reisen", "Kliniken", "Immobilien", "Labs", "Foods", "Textil",
        "Maschinenbau", "Finanz", "Druck", "Solar", "Pharma", "Studio", "Werke"};

    @Autowired
    UserService users;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate applicationJdbc;

    @Test
    void requesterTypeahead() throws Exception {
        int userCount = Integer.getInteger("kontor.bench.users", 500_000);
        String url = TestDatabase.properties().get("spring.datasource.url");
        String sep = url.contains("?") ? "&" : "?";
        long seedStart = System.nanoTime();
        long terms;
        try (Connection c = DriverManager.getConnection(url + (TestDatabase.kind().equals("postgresql") ? sep + "reWriteBatchedInserts=true" : ""),
                TestDatabase.properties().get("spring.datasource.username"), TestDatabase.properties().get("spring.datasource.password"))) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // Built once after the load, as a restore would, rather than row by row.
                s.execute("DROP INDEX ix_user_search_terms_term");
            }
            terms = seed(c, userCount);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX ix_user_search_terms_term ON user_search_terms (term, user_id)");
                c.commit();
                c.setAutoCommit(true);
                if (TestDatabase.kind().equals("postgresql")) {
                    s.execute("VACUUM ANALYZE users");
                    s.execute("VACUUM ANALYZE user_search_terms");
                    s.execute("ANALYZE organizations");
                } else {
                    s.execute("ANALYZE");
                }
            }
        }
        print(String.format(Locale.ROOT, "seeded     %,d end users over %,d organizations (%,d search keys) in %.0f s on %s",
                userCount, ORGS, terms, (System.nanoTime() - seedStart) / 1e9, TestDatabase.kind()));
        long pause = Long.getLong("kontor.bench.pauseSeconds", 0L);
        if (pause > 0) {
            print("paused on " + url);
            Thread.sleep(pause * 1000);
        }

        String org17 = orgName(17);
        String address = applicationJdbc.queryForObject("SELECT email FROM users WHERE id = ?", String.class, BASE + 1234);
        List<String> typed = List.of("ann", "anna müller", "@acme-17.test", "acme-17.test", "4930 1234", org17.toLowerCase(Locale.ROOT), address);
        // A server that has run a while: compiled code, warm caches. Then each keystroke gets its own warm-up too.
        for (int round = 0; round < 5; round++) {
            for (String q : typed) {
                for (int end = 2; end <= q.length(); end++) {
                    users.typeahead(q.substring(0, end), RESULTS);
                }
            }
        }
        print("type-ahead (" + RESULTS + " results; every keystroke from the 2nd character; " + WARM_UP + " warm-up runs, then "
                + TIMED + " timed; target p99 <= 50 ms)");
        List<String> kinds = List.of("part of a name", "full-ish name", "email domain with @", "bare email domain",
                "phone digits, other format", "organization name", "email address");
        for (int i = 0; i < kinds.size(); i++) {
            time(kinds.get(i), typed.get(i));
        }
        print("before: substring LIKE over every user (searchSpec, as the type-ahead ran until now; whole query only, 1 warm-up, 5 timed)");
        for (String q : List.of("ann", "anna müller", "@acme-17.test", "4930 1234", org17)) {
            timeLike(q);
        }
    }

    private static String orgName(int o) {
        return ORG_FIRST[o % ORG_FIRST.length] + " " + ORG_SECOND[(o / ORG_FIRST.length) % ORG_SECOND.length] + " " + o;
    }

    /** Every keystroke of {@code typed} from its second character on, each 3 + 20 times; percentiles over all of them. */
    private void time(String kind, String typed) {
        List<Long> samples = new ArrayList<>();
        int found = 0;
        String slowest = "";
        long slowestMedian = 0;
        for (int end = 2; end <= typed.length(); end++) {
            String q = typed.substring(0, end);
            if (q.endsWith(" ")) {
                continue;
            }
            for (int i = 0; i < WARM_UP; i++) {
                users.typeahead(q, RESULTS);
            }
            long[] keystroke = new long[TIMED];
            for (int i = 0; i < TIMED; i++) {
                long s = System.nanoTime();
                found = users.typeahead(q, RESULTS).size();
                keystroke[i] = System.nanoTime() - s;
                samples.add(keystroke[i]);
            }
            Arrays.sort(keystroke);
            if (keystroke[TIMED / 2] > slowestMedian) {
                slowestMedian = keystroke[TIMED / 2];
                slowest = q;
            }
        }
        long[] ns = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        print(String.format(Locale.ROOT, "  %-28s %-32s %3d keystrokes  p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d found at the end;"
                        + " slowest keystroke \"%s\", p50 %.1f ms)", kind, "\"" + typed + "\"", ns.length / TIMED, ns[ns.length / 2] / 1e6,
                ns[(int) Math.floor(0.99 * (ns.length - 1))] / 1e6, ns[ns.length - 1] / 1e6, found, slowest, slowestMedian / 1e6));
    }

    private void timeLike(String q) {
        Runnable search = () -> users.page(UserService.searchSpec(q), new PageParams(true, 1, RESULTS, null, null),
                new Paging.Ordering(new Paging.SortKey("name", "name", false), true));
        search.run();
        long[] ns = new long[5];
        for (int i = 0; i < ns.length; i++) {
            long s = System.nanoTime();
            search.run();
            ns[i] = System.nanoTime() - s;
        }
        Arrays.sort(ns);
        print(String.format(Locale.ROOT, "  %-61s p50 %6.1f ms                max %6.1f ms", "\"" + q + "\"", ns[ns.length / 2] / 1e6,
                ns[ns.length - 1] / 1e6));
    }

    private static void print(String line) {
        System.out.println("[bench] " + line);
    }

    /** Organizations, then users with their search keys, in batches. */
    private long seed(Connection c, int userCount) throws Exception {
        Random random = new Random(42);
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO organizations (id, name, name_key, shared_tickets, shared_comments,"
                + " created_at, updated_at) VALUES (?, ?, ?, FALSE, FALSE, ?, ?)")) {
            for (int o = 0; o < ORGS; o++) {
                ps.setLong(1, BASE + o);
                ps.setString(2, orgName(o));
                ps.setString(3, orgName(o).toLowerCase(Locale.ROOT));
                ps.setTimestamp(4, now);
                ps.setTimestamp(5, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        long terms = 0;
        try (PreparedStatement u = c.prepareStatement("INSERT INTO users (id, name, email, phone, phone_digits, role, organization_id,"
                + " locale, verified, active, suspended, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'de-DE', TRUE, TRUE, FALSE, ?, ?, 0)");
             PreparedStatement t = c.prepareStatement("INSERT INTO user_search_terms (user_id, term) VALUES (?, ?)")) {
            for (int i = 0; i < userCount; i++) {
                long id = BASE + i;
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                String name = first + " " + last;
                int org = random.nextInt(ORGS);
                String local = ascii(first) + "." + ascii(last) + "." + i;
                String email = local + (i % 10 == 9 ? "@mail.acme-" : "@acme-") + org + ".test";
                String phone = i % 10 < 7 ? phone(random, i) : null;
                u.setLong(1, id);
                u.setString(2, name);
                u.setString(3, email);
                u.setString(4, phone);
                u.setString(5, PhoneNumbers.digits(phone));
                u.setString(6, Role.END_USER.wire());
                u.setLong(7, BASE + org);
                u.setTimestamp(8, now);
                u.setTimestamp(9, now);
                u.addBatch();
                for (String term : SearchTerms.of(name, email, phone)) {
                    t.setLong(1, id);
                    t.setString(2, term);
                    t.addBatch();
                    terms++;
                }
                if (i % 2000 == 1999) {
                    u.executeBatch();
                    t.executeBatch();
                }
            }
            u.executeBatch();
            t.executeBatch();
        }
        return terms;
    }

    private static String ascii(String s) {
        return s.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
                .replace("ş", "s").replace("ı", "i");
    }

    /** Mixed formats, as people type them into profiles; the first user has the one the phone query looks for. */
    private static String phone(Random random, int i) {
        if (i == 0) {
            return "+49 (30) 1234-567";
        }
        String area = String.valueOf(20 + random.nextInt(80));
        String number = String.valueOf(1_000_000 + random.nextInt(9_000_000));
        return switch (i % 5) {
            case 0 -> "+49 (" + area + ") " + number.substring(0, 4) + "-" + number.substring(4);
            case 1 -> "+49" + area + number;
            case 2 -> "0" + area + " " + number;
            case 3 -> "(0" + area + ") " + number.substring(0, 3) + " " + number.substring(3, 5) + " " + number.substring(5);
            default -> "+1 555-" + number.substring(0, 3) + "-" + number.substring(3);
        };
    }
}
