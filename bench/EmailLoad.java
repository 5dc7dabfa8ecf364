import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kontor's inbound email benchmark (README "Inbound email benchmark"; started by bench/email), two ways:
 * <ul>
 *   <li>push (default): queues N raw messages up front, then C clients push them back-to-back to
 *       POST /api/v2/channels/email/inbound with an admin API token, as an MTA would;</li>
 *   <li>{@code --imap}: puts N messages into the INBOX of an IMAP server (Dovecot, started by bench/email) and lets
 *       Kontor import the queued mailbox, measuring from the first poll until the mailbox is empty.</li>
 * </ul>
 * The mix: a new mail opens a ticket; a later mail of the same sender replies to their ticket (push: In-Reply-To
 * Kontor's thread root and [#id] in the subject; IMAP: In-Reply-To the sender's first mail) with quoted history;
 * 40 % are multipart/alternative with HTML, 10 % carry a 20 KB attachment. JDK only.
 */
public class EmailLoad {
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TICKET_ID = Pattern.compile("\"ticket_id\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>(Map.of("--messages", "10000", "--clients", "8", "--warmup", "2000",
                "--senders", "2000", "--replies", "0.3", "--domain", "kontor.local"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        String url = o.get("--url");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String basic = Base64.getEncoder().encodeToString((o.get("--email") + ":" + o.get("--password")).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> t = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v2/api_tokens.json"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"api_token\":{\"description\":\"email benchmark\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(t.body());
        if (!m.find()) {
            throw new IllegalStateException("no API token: " + t.statusCode() + " " + t.body());
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString((o.get("--email") + "/token:" + m.group(1)).getBytes(StandardCharsets.UTF_8));
        int clients = Integer.parseInt(o.get("--clients"));
        int warmup = Integer.parseInt(o.get("--warmup"));
        int messages = Integer.parseInt(o.get("--messages"));
        int senders = Integer.parseInt(o.get("--senders"));
        double replies = Double.parseDouble(o.get("--replies"));
        String domain = o.get("--domain");
        String run = Long.toString(System.currentTimeMillis(), 36);

        if (o.containsKey("--imap")) {
            imap(http, url, auth, o, warmup, messages, senders, replies, domain, run);
            return;
        }
        Map<Integer, Long> ticketOfSender = new ConcurrentHashMap<>();
        System.out.printf("  queueing   %d warm-up + %d measured messages from %d senders%n", warmup, messages, senders);
        Generator warm = new Generator(new Random(1), run + "w", senders, replies, domain, ticketOfSender);
        Generator measured = new Generator(new Random(2), run + "m", senders, replies, domain, ticketOfSender);
        // Replies name a ticket known when the message is taken from the queue, so messages are built lazily in order.
        Result w = push(http, url, auth, warm, warmup, clients, ticketOfSender);
        System.out.printf("  warm-up    %d messages in %.1f s (%.0f/s), errors %d%n", warmup, w.seconds, warmup / w.seconds, w.errors.get());
        double[] load0 = loadavg();
        Result r = push(http, url, auth, measured, messages, clients, ticketOfSender);
        double[] load1 = loadavg();
        long[] lat = r.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("  messages   %d measured (%s)%n", messages, r.outcomes);
        System.out.printf("  clients    %d (closed loop, back-to-back, POST /api/v2/channels/email/inbound)%n", clients);
        System.out.printf("  duration   %.1f s%n", r.seconds);
        System.out.printf("  throughput %.1f messages/s%n", messages / r.seconds);
        System.out.printf("  latency ms p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(lat, 50), pct(lat, 90), pct(lat, 99),
                lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
        System.out.printf("  errors     %d%n", r.errors.get());
        System.out.printf("  load avg   %.2f before, %.2f after (1 min; this machine has %d cores)%n", load0[0], load1[0],
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  target     >= 200 messages/s: %s%n", messages / r.seconds >= 200 ? "met" : "not met");
    }

    record Result(double seconds, List<Long> latencies, AtomicInteger errors, Map<String, AtomicInteger> outcomes) {
    }

    static Result push(HttpClient http, String url, String auth, Generator gen, int count, int clients,
                       Map<Integer, Long> ticketOfSender) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Map<String, AtomicInteger> outcomes = new java.util.TreeMap<>();
        for (String k : List.of("new_ticket", "reply", "other")) {
            outcomes.put(k, new AtomicInteger());
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread th = new Thread(() -> {
                while (next.getAndIncrement() < count) {
                    Generator.Message msg = gen.next();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v2/channels/email/inbound"))
                                .header("Authorization", auth).header("Content-Type", "message/rfc822")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(msg.raw())).build(), HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - t0);
                        Matcher id = TICKET_ID.matcher(resp.body());
                        Matcher status = STATUS.matcher(resp.body());
                        if (resp.statusCode() >= 300 || !status.find() || !status.group(1).equals("imported") || !id.find()) {
                            errors.incrementAndGet();
                            outcomes.get("other").incrementAndGet();
                            if (errors.get() <= 3) {
                                System.err.println("  unexpected answer " + resp.statusCode() + ": " + resp.body());
                            }
                            continue;
                        }
                        outcomes.get(msg.replyTo() == null ? "new_ticket" : "reply").incrementAndGet();
                        if (msg.replyTo() == null) {
                            ticketOfSender.putIfAbsent(msg.sender(), Long.parseLong(id.group(1)));
                        } else if (Long.parseLong(id.group(1)) != msg.replyTo()) {
                            errors.incrementAndGet();
                            System.err.println("  a reply to #" + msg.replyTo() + " landed on #" + id.group(1));
                        }
                    } catch (Exception e) {
                        latencies.add(System.nanoTime() - t0);
                        errors.incrementAndGet();
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        return new Result((System.nanoTime() - start) / 1e9, new ArrayList<>(latencies), errors, outcomes);
    }

    static final class Generator {
        record Message(byte[] raw, int sender, Long replyTo) {
        }

        private final Random random;
        final String run;
        private final int senders;
        private final double replies;
        private final String domain;
        private final Map<Integer, Long> ticketOfSender;
        private final AtomicLong seq = new AtomicLong();
        private final byte[] attachment = new byte[20_000];

        /** Set in IMAP mode, where ticket numbers are not known while queueing: replies name the sender's first mail. */
        private Map<Integer, String> openingOfSender;

        Generator(Random random, String run, int senders, double replies, String domain, Map<Integer, Long> ticketOfSender) {
            this.random = random;
            this.run = run;
            this.senders = senders;
            this.replies = replies;
            this.domain = domain;
            this.ticketOfSender = ticketOfSender;
            random.nextBytes(attachment);
        }

        synchronized Message next() {
            long n = seq.incrementAndGet();
            int sender = random.nextInt(senders);
            Long ticket = ticketOfSender.get(sender);
            String opening = openingOfSender == null ? null : openingOfSender.get(sender);
            boolean reply = (ticket != null || opening != null) && random.nextDouble() < replies;
            double shape = random.nextDouble();
            String from = "customer" + sender + "@bench.example";
            StringBuilder s = new StringBuilder();
            s.append("From: Customer ").append(sender).append(" <").append(from).append(">\r\n");
            s.append("To: Support <support@").append(domain).append(">\r\n");
            String messageId = "<" + run + "-" + n + "@bench.example>";
            s.append("Message-ID: ").append(messageId).append("\r\n");
            if (openingOfSender != null) {
                openingOfSender.putIfAbsent(sender, messageId);
            }
            s.append("Date: Tue, 4 Mar 2025 09:11:51 +0100\r\nMIME-Version: 1.0\r\n");
            String text = "Hello,\r\n\r\nmessage " + n + " about order " + random.nextInt(100000) + ": the device shows error "
                    + random.nextInt(999) + " after the update. Could you help?\r\n\r\nThanks\r\nCustomer " + sender + "\r\n";
            if (reply && opening != null) {
                s.append("Subject: Re: Problem report\r\nIn-Reply-To: ").append(opening).append("\r\nReferences: ").append(opening).append("\r\n");
                text += "\r\nOn Mon, 3 Mar 2025 at 10:00, Customer " + sender + " <" + from + "> wrote:\r\n> My first mail.\r\n";
            } else if (reply) {
                s.append("Subject: Re: [#").append(ticket).append("] Problem report\r\n");
                s.append("In-Reply-To: <ticket-").append(ticket).append("-n1@").append(domain).append(">\r\n");
                s.append("References: <ticket-").append(ticket).append("@").append(domain).append(">\r\n");
                text += "\r\nOn Mon, 3 Mar 2025 at 10:00, Support <support@" + domain + "> wrote:\r\n> We are looking into it.\r\n> Kind regards\r\n";
            } else {
                s.append("Subject: =?UTF-8?Q?Problem_report_").append(n).append("_=E2=80=93_Ger=C3=A4t?=\r\n");
            }
            if (shape < 0.5) {
                s.append("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").append(text);
            } else if (shape < 0.9) {
                s.append("Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
                        .append(text).append("\r\n--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<div>")
                        .append(text.replace("\r\n", "<br>")).append("</div>\r\n--b1--\r\n");
            } else {
                s.append("Content-Type: multipart/mixed; boundary=\"b2\"\r\n\r\n--b2\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
                        .append(text).append("\r\n--b2\r\nContent-Type: application/octet-stream; name=\"log.bin\"\r\n")
                        .append("Content-Disposition: attachment; filename=\"log.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                        .append(Base64.getMimeEncoder().encodeToString(attachment)).append("\r\n--b2--\r\n");
            }
            // replyTo 0: a reply to the sender's first mail, whose ticket is not known while queueing (IMAP mode).
            return new Message(s.toString().getBytes(StandardCharsets.UTF_8), sender, reply ? (ticket != null ? ticket : 0L) : null);
        }
    }

    /**
     * The IMAP mode: a warm-up mailbox imported, then the measured mailbox, each queued in full (written into the
     * mailbox's Maildir, as an MTA delivers) before the first poll.
     */
    static void imap(HttpClient http, String url, String auth, Map<String, String> o, int warmup, int messages, int senders,
                     double replies, String domain, String run) throws Exception {
        String address = "support@" + domain;
        java.nio.file.Path maildir = java.nio.file.Path.of(o.get("--maildir"));
        // Disabled: only this program's "poll now" requests poll it, so the measured span has a known start.
        String body = "{\"mailbox\":{\"address\":\"" + address + "\",\"host\":\"" + o.get("--imap-host") + "\",\"port\":"
                + o.get("--imap-port") + ",\"security\":\"none\",\"username\":\"" + o.get("--imap-user") + "\",\"password\":\""
                + o.get("--imap-password") + "\",\"folder\":\"INBOX\",\"after_import\":\"delete\",\"enabled\":false}}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v2/kontor/mailboxes.json"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("no mailbox: " + created.statusCode() + " " + created.body());
        }
        String pollUrl = url + "/api/v2/kontor/mailboxes/" + id.group(1) + "/poll.json";
        Map<Integer, Long> noTickets = new ConcurrentHashMap<>();
        Map<Integer, String> openings = new ConcurrentHashMap<>();
        Generator warm = new Generator(new Random(1), run + "w", senders, replies, domain, noTickets);
        warm.openingOfSender = openings;
        Generator measured = new Generator(new Random(2), run + "m", senders, replies, domain, noTickets);
        measured.openingOfSender = openings;

        System.out.printf("  queueing   %d warm-up messages from %d senders in the IMAP INBOX (%s)%n", warmup, senders, maildir);
        int[] warmMix = queue(maildir, warm, warmup);
        Imported w = drain(http, pollUrl, auth);
        System.out.printf("  warm-up    %d messages imported in %.1f s (%.0f/s), %d polls, not imported %d%n", w.imported, w.seconds,
                w.imported / w.seconds, w.polls, w.notImported());
        long q0 = System.nanoTime();
        int[] mix = queue(maildir, measured, messages);
        double queueSeconds = (System.nanoTime() - q0) / 1e9;
        double[] load0 = loadavg();
        Imported r = drain(http, pollUrl, auth);
        double[] load1 = loadavg();
        long tickets = ticketCount(http, url, auth);
        long expected = warmMix[0] + mix[0];
        int errors = r.notImported() + (tickets == expected ? 0 : 1) + (r.imported == messages ? 0 : 1);
        System.out.printf("  messages   %d measured ({new_ticket=%d, reply=%d}), queued in the INBOX in %.1f s before the first poll%n",
                messages, mix[0], mix[1], queueSeconds);
        System.out.printf("  polls      %d (POST /api/v2/kontor/mailboxes/{id}/poll, up to kontor.email.max-messages-per-poll each)%n", r.polls);
        System.out.printf("  duration   %.1f s (first poll until the mailbox is empty)%n", r.seconds);
        System.out.printf("  throughput %.1f messages/s%n", r.imported / r.seconds);
        System.out.printf("  imported   %d; skipped %d, quarantined %d, duplicates %d, poll errors %d%n", r.imported, r.skipped,
                r.quarantined, r.duplicates, r.pollErrors);
        System.out.printf("  tickets    %d, expected %d (every reply threaded onto its sender's ticket: %s)%n", tickets, expected,
                tickets == expected ? "yes" : "NO");
        System.out.printf("  errors     %d%n", errors);
        System.out.printf("  load avg   %.2f before, %.2f after (1 min; this machine has %d cores)%n", load0[0], load1[0],
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  target     >= 200 messages/s: %s%n", errors == 0 && r.imported / r.seconds >= 200 ? "met" : "not met");
        if (errors > 0) {
            System.exit(1);
        }
    }

    /** Delivers the messages into the Maildir (tmp, then renamed into new); answers {new tickets, replies}. */
    static int[] queue(java.nio.file.Path maildir, Generator gen, int count) throws Exception {
        int[] mix = new int[2];
        for (int i = 0; i < count; i++) {
            Generator.Message msg = gen.next();
            mix[msg.replyTo() == null ? 0 : 1]++;
            // Dovecot numbers new mail in file name order (time, then the rest): padded, that is generation order.
            String name = System.currentTimeMillis() / 1000 + "." + String.format("%08d", i) + "_" + gen.run + ".bench";
            java.nio.file.Path tmp = maildir.resolve("tmp").resolve(name);
            java.nio.file.Files.write(tmp, msg.raw());
            java.nio.file.Files.move(tmp, maildir.resolve("new").resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return mix;
    }

    record Imported(double seconds, int polls, int imported, int skipped, int quarantined, int duplicates, int pollErrors) {
        int notImported() {
            return skipped + quarantined + duplicates + pollErrors;
        }
    }

    /** Polls until a poll fetches nothing. */
    static Imported drain(HttpClient http, String pollUrl, String auth) throws Exception {
        int polls = 0, imported = 0, skipped = 0, quarantined = 0, duplicates = 0, pollErrors = 0;
        long start = System.nanoTime();
        while (true) {
            HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(pollUrl)).header("Authorization", auth)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            polls++;
            if (resp.statusCode() != 200 || !resp.body().contains("\"error\":null")) {
                pollErrors++;
                System.err.println("  poll answered " + resp.statusCode() + ": " + resp.body());
                if (pollErrors > 3) {
                    break;
                }
                continue;
            }
            int fetched = number(resp.body(), "fetched");
            if (fetched == 0) {
                break;
            }
            imported += number(resp.body(), "imported");
            skipped += number(resp.body(), "skipped");
            quarantined += number(resp.body(), "quarantined");
            duplicates += number(resp.body(), "duplicates");
        }
        return new Imported((System.nanoTime() - start) / 1e9, polls, imported, skipped, quarantined, duplicates, pollErrors);
    }

    static int number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static long ticketCount(HttpClient http, String url, String auth) throws Exception {
        HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v2/tickets/count.json"))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"value\"\\s*:\\s*(\\d+)").matcher(resp.body());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static double[] loadavg() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return new double[] {Double.parseDouble(f[0])};
        } catch (Exception e) {
            return new double[] {Double.NaN};
        }
    }
}
