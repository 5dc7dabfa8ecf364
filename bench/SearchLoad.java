import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kontor's search measurements (started by bench/search): waits for the start-up mass indexer, then times
 * My activities (first page), Help Center search and agent search, and how long a change takes to be
 * searchable while other updates arrive at a steady rate. JDK 17 single-file program.
 */
public class SearchLoad {
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static String url, email, password, userEmail;
    static int tickets, requests = 400, updateRate = 100, changes = 100;
    static long indexStarted;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--email" -> email = args[i + 1];
                case "--password" -> password = args[i + 1];
                case "--tickets" -> tickets = Integer.parseInt(args[i + 1]);
                case "--user-email" -> userEmail = args[i + 1];
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                case "--update-rate" -> updateRate = Integer.parseInt(args[i + 1]);
                case "--changes" -> changes = Integer.parseInt(args[i + 1]);
                case "--index-started" -> indexStarted = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        String token = match(TOKEN, send("POST", "/api/v2/api_tokens.json", basic(email + ":" + password), "{}"));
        String agent = basic("bench-agent@example.test/token:" + token);
        String user = basic(userEmail + "/token:" + token);

        while (true) {
            long indexed = Long.parseLong(match(COUNT, send("GET", "/api/v2/search/count.json?query=" + enc("type:ticket"), agent, null)));
            if (indexed >= tickets) {
                System.out.printf(Locale.ROOT, "indexed:   %d tickets in %d s after start (start-up mass indexer)%n", indexed,
                        System.currentTimeMillis() / 1000 - indexStarted);
                break;
            }
            Thread.sleep(1000);
        }
        String[] hcQueries = {"router", "invoice shipping", "word17", "\"case 42\"", "modem tracking", "printer"};
        String[] agentQueries = {"router type:ticket status:open", "invoice", "word17 status<solved", "\"in progress\" requester:"
                + userEmail, "laptop created>2000-01-01", "refund -modem"};
        // Warm-up
        for (int i = 0; i < 100; i++) {
            send("GET", "/api/v2/requests.json?per_page=25", user, null);
            send("GET", "/api/v2/requests/search.json?per_page=25&query=" + enc(hcQueries[i % hcQueries.length]), user, null);
            send("GET", "/api/v2/search.json?per_page=25&query=" + enc(agentQueries[i % agentQueries.length]), agent, null);
        }
        System.out.println("first page of My activities for an end user with " + Long.parseLong(match(COUNT,
                send("GET", "/api/v2/requests.json?per_page=1", user, null))) + " requests:");
        report("  my activities (GET /api/v2/requests, 25 per page)", measure(i -> send("GET", "/api/v2/requests.json?per_page=25", user, null)));
        report("  help center search (GET /api/v2/requests/search)", measure(i -> send("GET",
                "/api/v2/requests/search.json?per_page=25&query=" + enc(hcQueries[i % hcQueries.length]), user, null)));
        report("  agent search (GET /api/v2/search)", measure(i -> send("GET",
                "/api/v2/search.json?per_page=25&query=" + enc(agentQueries[i % agentQueries.length]), agent, null)));

        // Change-to-searchable under a steady load of updates.
        SplittableRandom random = new SplittableRandom(7);
        ScheduledExecutorService load = Executors.newScheduledThreadPool(16);
        AtomicInteger updates = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long periodMicros = 1_000_000L / Math.max(1, updateRate);
        long loadStart = System.nanoTime();
        load.scheduleAtFixedRate(() -> load.execute(() -> {
            long id = 1_000_001 + java.util.concurrent.ThreadLocalRandom.current().nextInt(tickets);
            try {
                send("PUT", "/api/v2/tickets/" + id + ".json", agent,
                        "{\"ticket\":{\"comment\":{\"body\":\"Load update " + System.nanoTime() + "\",\"public\":true}}}");
                updates.incrementAndGet();
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }), 0, periodMicros, TimeUnit.MICROSECONDS);
        Thread.sleep(2000);
        List<Long> afterSent = new ArrayList<>();
        List<Long> afterAnswer = new ArrayList<>();
        for (int n = 0; n < changes; n++) {
            long id = 1_000_001 + random.nextInt(tickets);
            String word = "probe" + n + "x" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            long sent = System.nanoTime();
            send("PUT", "/api/v2/tickets/" + id + ".json", agent,
                    "{\"ticket\":{\"comment\":{\"body\":\"Checking " + word + "\",\"public\":false}}}");
            long answered = System.nanoTime();
            while (Long.parseLong(match(COUNT, send("GET", "/api/v2/search/count.json?query=" + enc(word), agent, null))) == 0) {
                if (System.nanoTime() - sent > 30_000_000_000L) {
                    throw new IllegalStateException("change not searchable after 30 s: " + word);
                }
                Thread.sleep(5);
            }
            long found = System.nanoTime();
            afterSent.add((found - sent) / 1000);
            afterAnswer.add((found - answered) / 1000);
            Thread.sleep(50);
        }
        load.shutdownNow();
        double seconds = (System.nanoTime() - loadStart) / 1e9;
        System.out.printf(Locale.ROOT, "change-to-searchable under %.0f updates/s (asked %d/s; %d updates, %d failed):%n",
                updates.get() / seconds, updateRate, updates.get(), failed.get());
        report("  from sending the update until search finds it", afterSent);
        report("  from the update's answer until search finds it", afterAnswer);
    }

    interface Call {
        void run(int i) throws Exception;
    }

    static List<Long> measure(Call call) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            call.run(i);
            micros.add((System.nanoTime() - t) / 1000);
        }
        return micros;
    }

    static void report(String what, List<Long> micros) {
        List<Long> s = new ArrayList<>(micros);
        Collections.sort(s);
        System.out.printf(Locale.ROOT, "%-58s n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n", what, s.size(),
                pct(s, 50) / 1000.0, pct(s, 95) / 1000.0, pct(s, 99) / 1000.0, s.get(s.size() - 1) / 1000.0);
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String match(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return m.group(1);
    }

    static String send(String method, String path, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
