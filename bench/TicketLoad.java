import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kontor's ticket creation load generator: a closed loop of C clients, each sending its next
 * POST /api/v2/tickets.json as soon as the previous one answered, authenticated with an API token
 * as Zendesk integrations are. Each ticket is on behalf of an end user (most from a pre-created pool
 * by requester_id, some new requesters by name and email) and carries one public comment.
 *
 * JDK 17 only, run as a single-file program: java bench/TicketLoad.java --url http://127.0.0.1:8080 ...
 * (bench/run starts Kontor on a fresh PostgreSQL database and calls this.)
 */
public class TicketLoad {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    static final class Options {
        String url = "http://127.0.0.1:8080";
        String email;
        String password;
        String token;
        int tickets = 20_000;
        int clients = 16;
        int warmup = 5_000;
        int users = 500;
        double newRequesters = 0.2;
        long seed = 42;
        long serverPid = -1;
        String database;
        String jfr;
        int clkTck = 100;
        double maxSeconds = 90;
        double warmupMaxSeconds = 30;
        double targetRate = 1000;
        double targetP99Ms = 50;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--url" -> o.url = need(a, v);
                    case "--email" -> o.email = need(a, v);
                    case "--password" -> o.password = need(a, v);
                    case "--token" -> o.token = need(a, v);
                    case "--tickets" -> o.tickets = Integer.parseInt(need(a, v));
                    case "--clients" -> o.clients = Integer.parseInt(need(a, v));
                    case "--warmup" -> o.warmup = Integer.parseInt(need(a, v));
                    case "--users" -> o.users = Integer.parseInt(need(a, v));
                    case "--new-requesters" -> o.newRequesters = Double.parseDouble(need(a, v));
                    case "--seed" -> o.seed = Long.parseLong(need(a, v));
                    case "--server-pid" -> o.serverPid = Long.parseLong(need(a, v));
                    case "--database" -> o.database = need(a, v);
                    case "--jfr" -> o.jfr = need(a, v);
                    case "--max-seconds" -> o.maxSeconds = Double.parseDouble(need(a, v));
                    case "--warmup-max-seconds" -> o.warmupMaxSeconds = Double.parseDouble(need(a, v));
                    case "--clk-tck" -> o.clkTck = Integer.parseInt(need(a, v));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
                i++;
            }
            if (o.email == null || (o.token == null && o.password == null)) {
                throw new IllegalArgumentException("--email and --token (or --password, to create a token) are required");
            }
            if (o.tickets < 1 || o.clients < 1 || o.warmup < 0 || o.users < 1 || o.newRequesters < 0 || o.newRequesters > 1) {
                throw new IllegalArgumentException("--tickets, --clients, --users must be positive, --warmup >= 0, --new-requesters in [0,1]");
            }
            return o;
        }

        private static String need(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }

    /** What one phase measured: per request its latency and HTTP status (0: no answer). */
    record Result(String name, int requests, long wallNanos, long[] latencyNanos, int[] status, long[] ids,
                  Map<String, Integer> failures, CpuSample cpu) {
        int ok(int expected) {
            int n = 0;
            for (int s : status) {
                if (s == expected) {
                    n++;
                }
            }
            return n;
        }
    }

    private final Options o;
    private final HttpClient http;
    private final String run;
    private String auth;
    private long[] pool;
    private int warmedUp;

    TicketLoad(Options o) {
        this.o = o;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        this.run = Long.toString(System.currentTimeMillis(), 36);
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("TicketLoad: " + e.getMessage());
            System.exit(2);
            return;
        }
        new TicketLoad(o).runAll();
    }

    void runAll() throws Exception {
        String token = o.token != null ? o.token : createToken();
        auth = "Basic " + Base64.getEncoder().encodeToString((o.email + "/token:" + token).getBytes(StandardCharsets.UTF_8));

        Result users = phase("end users", o.users, Math.min(o.clients, 8), 300, i -> post("/api/v2/users.json", userJson(i)));
        pool = new long[o.users];
        int created = 0;
        for (int i = 0; i < o.users; i++) {
            if (users.status[i] == 201) {
                pool[created++] = users.ids[i];
            }
        }
        if (created == 0) {
            System.err.println("TicketLoad: no end user could be created: " + users.failures);
            System.exit(1);
        }
        pool = Arrays.copyOf(pool, created);
        System.out.printf(Locale.ROOT, "pool: %d end users created in %.1f s%s%n", created, users.wallNanos / 1e9,
                users.failures.isEmpty() ? "" : " (failures: " + users.failures + ")");

        if (o.warmup > 0) {
            Result warm = phase("warm-up", o.warmup, o.clients, o.warmupMaxSeconds, i -> post("/api/v2/tickets.json", ticketJson("w", i)));
            warmedUp = warm.requests;
            System.out.printf(Locale.ROOT, "warm-up: %d tickets in %.1f s, %.1f/s, p99 %.2f ms%s%n", warm.requests,
                    warm.wallNanos / 1e9, warm.ok(201) / (warm.wallNanos / 1e9), percentile(sorted(warm.latencyNanos), 0.99) / 1e6,
                    warm.failures.isEmpty() ? "" : ", failures " + warm.failures);
        }

        if (o.jfr != null) {
            jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + o.jfr);
        }
        Result measured = phase("measured", o.tickets, o.clients, o.maxSeconds, i -> post("/api/v2/tickets.json", ticketJson("m", i)));
        if (o.jfr != null) {
            jcmd("JFR.stop", "name=bench");
            System.out.println("JFR profile of the measured run: " + o.jfr);
        }
        printSummary(measured);
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(o.serverPid)));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + out);
        }
    }

    private String createToken() throws IOException, InterruptedException {
        String basic = "Basic " + Base64.getEncoder().encodeToString((o.email + ":" + o.password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(o.url + "/api/v2/api_tokens.json"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"api_token\":{\"description\":\"benchmark " + run + "\"}}"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("creating an API token answered " + r.statusCode() + ": " + r.body());
        }
        return m.group(1);
    }

    private String userJson(int i) {
        return "{\"user\":{\"name\":\"Bench Customer " + i + "\",\"email\":\"customer-" + run + "-" + i
                + "@bench.example.com\",\"role\":\"end-user\",\"verified\":true}}";
    }

    private String ticketJson(String phase, int i) {
        SplittableRandom random = new SplittableRandom(o.seed * 1_000_003L + phase.hashCode() * 7919L + i);
        String requester;
        if (random.nextDouble() < o.newRequesters) {
            requester = "\"requester\":{\"name\":\"New Customer " + phase + i + "\",\"email\":\"new-" + run + "-" + phase + i
                    + "@customer" + random.nextInt(50) + ".example.org\"}";
        } else {
            requester = "\"requester_id\":" + pool[random.nextInt(pool.length)];
        }
        return "{\"ticket\":{\"subject\":\"Printer on floor " + random.nextInt(1, 12) + " jams again (" + phase + i + ")\","
                + requester + ",\"comment\":{\"body\":\"Hello, since this morning the printer next to the kitchen jams on every"
                + " second page. I have already removed the paper tray and cleaned the rollers, but it keeps happening."
                + " Could someone have a look? Order reference " + random.nextInt(100_000, 999_999) + ". Thanks!\","
                + "\"public\":true}}}";
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(o.url + path))
                .header("Authorization", auth).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    interface Call {
        HttpResponse<String> send(int index) throws Exception;
    }

    /** Runs {@code requests} calls on {@code clients} threads, each sending back-to-back (closed loop). */
    private Result phase(String name, int requests, int clients, double maxSeconds, Call call) throws InterruptedException {
        long[] latency = new long[requests];
        int[] status = new int[requests];
        long[] ids = new long[requests];
        String[] failure = new String[requests];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        long[] deadline = new long[1];
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            threads.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i; (i = next.getAndIncrement()) < requests; ) {
                    long t0 = System.nanoTime();
                    if (t0 - deadline[0] > 0) {
                        status[i] = -1; // not sent: the time limit was reached
                        continue;
                    }
                    try {
                        HttpResponse<String> r = call.send(i);
                        latency[i] = System.nanoTime() - t0;
                        status[i] = r.statusCode();
                        if (r.statusCode() / 100 == 2) {
                            Matcher m = ID.matcher(r.body());
                            ids[i] = m.find() ? Long.parseLong(m.group(1)) : -1;
                        } else {
                            failure[i] = Integer.toString(r.statusCode());
                            if (firstBodies.size() < 5) {
                                firstBodies.add(r.statusCode() + " " + abbreviate(r.body()));
                            }
                        }
                    } catch (Exception e) {
                        latency[i] = System.nanoTime() - t0;
                        failure[i] = e.getClass().getSimpleName();
                    }
                }
            });
        }
        CpuSample before = CpuSample.take(o);
        long t0 = System.nanoTime();
        deadline[0] = t0 + (long) (maxSeconds * 1e9);
        start.countDown();
        threads.shutdown();
        threads.awaitTermination(1, TimeUnit.DAYS);
        long wall = System.nanoTime() - t0;
        CpuSample cpu = CpuSample.take(o).minus(before, wall);
        int sent = 0;
        for (int s : status) {
            if (s != -1) {
                sent++;
            }
        }
        if (sent < requests) {
            long[] l = new long[sent];
            int[] st = new int[sent];
            long[] id = new long[sent];
            String[] f = new String[sent];
            for (int i = 0, j = 0; i < requests; i++) {
                if (status[i] != -1) {
                    l[j] = latency[i];
                    st[j] = status[i];
                    id[j] = ids[i];
                    f[j++] = failure[i];
                }
            }
            System.out.printf(Locale.ROOT, "%s: stopped at the %.0f s limit after %d of %d requests%n", name, maxSeconds, sent, requests);
            return result(name, sent, wall, l, st, id, f, cpu);
        }
        return result(name, requests, wall, latency, status, ids, failure, cpu);
    }

    private Result result(String name, int requests, long wall, long[] latency, int[] status, long[] ids, String[] failure,
                          CpuSample cpu) {
        Map<String, Integer> failures = new TreeMap<>();
        for (String f : failure) {
            if (f != null) {
                failures.merge(f, 1, Integer::sum);
            }
        }
        if (!failures.isEmpty() && !firstBodies.isEmpty()) {
            System.out.println(name + ": first failures: " + firstBodies);
        }
        return new Result(name, requests, wall, latency, status, ids, failures, cpu);
    }

    private final List<String> firstBodies = java.util.Collections.synchronizedList(new ArrayList<>());

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private void printSummary(Result r) {
        long[] sorted = sorted(r.latencyNanos);
        int created = r.ok(201);
        double seconds = r.wallNanos / 1e9;
        double rate = created / seconds;
        double p99 = percentile(sorted, 0.99) / 1e6;
        System.out.println();
        System.out.println("Kontor ticket creation benchmark (POST /api/v2/tickets.json, API token auth)");
        System.out.printf(Locale.ROOT, "  tickets      %d measured (%d created, 201)%s, after a warm-up of %d%n", r.requests, created,
                r.requests < o.tickets ? String.format(Locale.ROOT, " of %d asked: stopped at the %.0f s limit", o.tickets, o.maxSeconds) : "",
                warmedUp);
        System.out.printf(Locale.ROOT, "  clients      %d (closed loop, back-to-back)%n", o.clients);
        System.out.printf(Locale.ROOT, "  requesters   pool of %d end users by requester_id; %.0f%% new requesters by name/email%n",
                pool.length, o.newRequesters * 100);
        System.out.printf(Locale.ROOT, "  duration     %.3f s%n", seconds);
        System.out.printf(Locale.ROOT, "  throughput   %.1f tickets/s%n", rate);
        System.out.printf(Locale.ROOT, "  latency ms   p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  (mean %.2f, all %d requests)%n",
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.90) / 1e6, p99, sorted[sorted.length - 1] / 1e6,
                Arrays.stream(sorted).average().orElse(0) / 1e6, sorted.length);
        if (r.failures.isEmpty()) {
            System.out.println("  errors       none");
        } else {
            StringBuilder b = new StringBuilder();
            r.failures.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
            System.out.println("  errors       " + b + "  (by HTTP status or exception)");
        }
        System.out.println("  cpu          " + r.cpu.describe());
        boolean met = rate >= o.targetRate && p99 <= o.targetP99Ms;
        System.out.printf(Locale.ROOT, "  target       >= %.0f tickets/s with p99 <= %.0f ms at 16 clients: %s%n", o.targetRate,
                o.targetP99Ms, met ? (o.clients == 16 ? "met" : "met (but not at 16 clients)") : "not met");
    }

    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /**
     * CPU time (clock ticks from /proc) of the machine, Kontor, this load generator and the PostgreSQL
     * backends serving the benchmark database: on a 2-core machine they share, this shows who used the cores.
     */
    record CpuSample(long machineBusy, long machineTotal, long server, long self, Map<Long, Long> backends, int clkTck,
                     long wallNanos) {
        static CpuSample take(Options o) {
            long[] machine = machine();
            return new CpuSample(machine[0], machine[1], o.serverPid > 0 ? processTicks(o.serverPid) : -1,
                    processTicks(ProcessHandle.current().pid()), backends(o.database), o.clkTck, 0);
        }

        CpuSample minus(CpuSample before, long wall) {
            Map<Long, Long> delta = new LinkedHashMap<>();
            backends.forEach((pid, ticks) -> delta.put(pid, ticks - before.backends.getOrDefault(pid, 0L)));
            return new CpuSample(machineBusy - before.machineBusy, machineTotal - before.machineTotal,
                    server < 0 ? -1 : server - before.server, self - before.self, delta, clkTck, wall);
        }

        String describe() {
            if (machineTotal <= 0) {
                return "n/a (no /proc)";
            }
            double seconds = wallNanos / 1e9;
            double cores = Runtime.getRuntime().availableProcessors();
            long pg = backends.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "machine %.0f%% busy of %d cores; in cores: ",
                    100.0 * machineBusy / machineTotal, (int) cores));
            if (server >= 0) {
                b.append(String.format(Locale.ROOT, "kontor %.2f, ", server / (double) clkTck / seconds));
            }
            if (!backends.isEmpty()) {
                b.append(String.format(Locale.ROOT, "postgres backends %.2f (%d), ", pg / (double) clkTck / seconds, backends.size()));
            }
            b.append(String.format(Locale.ROOT, "load generator %.2f, ", self / (double) clkTck / seconds));
            double other = machineBusy / (double) machineTotal * cores - (Math.max(server, 0) + pg + self) / (double) clkTck / seconds;
            b.append(String.format(Locale.ROOT, "everything else %.2f", Math.max(0, other)));
            return b.toString();
        }

        private static long[] machine() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {total - idle, total};
            } catch (Exception e) {
                return new long[] {0, 0};
            }
        }

        static long processTicks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
            } catch (Exception e) {
                return 0;
            }
        }

        private static Map<Long, Long> backends(String database) {
            Map<Long, Long> result = new LinkedHashMap<>();
            if (database == null) {
                return result;
            }
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                        if (cmd.startsWith("postgres: ") && cmd.contains(" " + database + " ")) {
                            long pid = Long.parseLong(name);
                            result.put(pid, processTicks(pid));
                        }
                    } catch (IOException ignored) {
                        // the process ended meanwhile
                    }
                }
            } catch (IOException e) {
                return result;
            }
            return result;
        }
    }
}
